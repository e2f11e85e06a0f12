using System.Text;
using ApGrid.Api.Auth;
using ApGrid.Api.ChangeFeed;
using global::GraphQL;
using global::GraphQL.Execution;
using global::GraphQL.Types;
using global::GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using GraphQLRequest = global::GraphQL.Transport.GraphQLRequest;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// Runs a GraphQL request for a caller, shared by the HTTP and WebSocket transports: limits first,
/// then the cached or freshly parsed document, then execution inside the caller's tenant.
/// </summary>
public sealed class GraphQLRequestExecutor(IDocumentExecuter executer, ISchema schema, DocumentCache cache, GraphQLLimits limits)
{
    public PreparedRequest Prepare(GraphQLRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            return Refuse(request, new ApGridError(ErrorCodes.BadRequest, "The request has no query."));
        }

        if (Encoding.UTF8.GetByteCount(request.Query) > limits.MaxDocumentBytes)
        {
            return Refuse(request, new ApGridError(ErrorCodes.LimitExceeded, $"The query is over {limits.MaxDocumentBytes} bytes."));
        }

        var fromCache = cache.TryGet(request.Query, out var document);
        if (!fromCache)
        {
            try
            {
                document = GraphQLParser.Parser.Parse(request.Query);
            }
            catch (GraphQLSyntaxErrorException ex)
            {
                return Refuse(request, new ApGridError(ErrorCodes.BadRequest, ex.Message));
            }

            if (DocumentLimits.Check(document, limits) is { } over)
            {
                return Refuse(request, new ApGridError(ErrorCodes.LimitExceeded, over));
            }
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = request.OperationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.Find(o => o.Name?.StringValue == request.OperationName);
        return new PreparedRequest(request, document, operation, fromCache, Refusal: null);
    }

    /// <summary>
    /// Runs the request, then writes the pupils it touched to the audit trail before the result is
    /// served; a subscription writes after each event it resolves.
    /// </summary>
    /// <param name="userContext">The request's caller and what its resolvers note, which the transport may read afterwards.</param>
    public async Task<ExecutionResult> ExecuteAsync(
        PreparedRequest prepared, ApGridUserContext userContext, IServiceProvider requestServices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(userContext);
        if (prepared.Refusal is not null) return prepared.Refusal;

        var request = prepared.Request;
        var caller = userContext.Caller;
        var options = new ExecutionOptions
        {
            Schema = schema,
            Query = request.Query,
            Document = prepared.Document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = userContext,
            RequestServices = requestServices,
            CancellationToken = cancellationToken,
            ThrowOnUnhandledException = false,
        };
        if (prepared.FromCache) options.ValidationRules = [];

        TenantContext.Set(caller.Tenant);
        var result = await executer.ExecuteAsync(options);
        if (!prepared.FromCache && result.Executed && prepared.Document is not null)
        {
            cache.Add(request.Query!, prepared.Document);
        }

        await userContext.AccessLog.FlushAsync(requestServices);
        if (result.Streams is { Count: > 0 } streams)
        {
            foreach (var key in streams.Keys.ToList())
            {
                streams[key] = streams[key].SelectAsync(async next =>
                {
                    await userContext.AccessLog.FlushAsync(requestServices).ConfigureAwait(false);
                    return next;
                });
            }
        }

        return result;
    }

    private static PreparedRequest Refuse(GraphQLRequest request, ExecutionError error) =>
        new(request, null, null, false, new ExecutionResult { Errors = [error], Executed = false });
}
