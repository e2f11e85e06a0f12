using global::GraphQL;
using GraphQLParser.AST;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>A request parsed and checked against the limits; either ready to run or refused with a result.</summary>
public sealed record PreparedRequest(
    global::GraphQL.Transport.GraphQLRequest Request,
    GraphQLDocument? Document,
    OperationType? Operation,
    bool FromCache,
    ExecutionResult? Refusal);
