using global::GraphQL;
using GraphQLParser.AST;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>A request parsed and checked against the limits; either ready to run or refused with a result.</summary>
public sealed record PreparedRequest(
    global::GraphQL.Transport.GraphQLRequest Request,
    GraphQLDocument? Document,
    GraphQLOperationDefinition? OperationDefinition,
    bool FromCache,
    ExecutionResult? Refusal)
{
    /// <summary>The chosen operation's type; null when the document has no operation to run by that name.</summary>
    public OperationType? Operation => OperationDefinition?.Operation;
}
