using System.Diagnostics;
using System.Text;
using ApGrid.Api.Auth;
using ApGrid.Api.ChangeFeed;
using global::GraphQL;
using global::GraphQL.Execution;
using global::GraphQL.Types;
using global::GraphQL.Validation;
using Microsoft.Extensions.Logging;
using GraphQLRequest = global::GraphQL.Transport.GraphQLRequest;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// Runs a GraphQL request for a caller, shared by the HTTP and WebSocket transports: the size limit
/// first, then graphql-dotnet's pipeline (the document cache, parsing, the validation rules, the
/// limits among them) inside the caller's tenant, then the audit of the pupils it touched.
/// </summary>
public sealed class GraphQLRequestExecutor(IDocumentExecuter executer, ISchema schema, GraphQLLimits limits, ILogger<GraphQLRequestExecutor> logger)
{
    /// <summary>
    /// Runs the request, then writes the pupils it touched to the audit trail before the result is
    /// served; a subscription writes after each event it resolves.
    /// </summary>
    /// <param name="userContext">The request's caller and what its resolvers note, which the transport may read afterwards.</param>
    /// <param name="transportRule">What the transport cannot carry (a mutation over GET, a subscription over HTTP), checked with the other rules, on cached documents too.</param>
    public async Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request, ApGridUserContext userContext, IServiceProvider requestServices, CancellationToken cancellationToken,
        IValidationRule? transportRule = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(userContext);
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            return Refusal(new ApGridError(ErrorCodes.BadRequest, "The request has no query."));
        }

        // Before the parser sees it: a cached document is found by its text, so the text is what is bounded.
        if (Encoding.UTF8.GetByteCount(request.Query) > limits.MaxDocumentBytes)
        {
            return Refusal(new ApGridError(ErrorCodes.LimitExceeded, $"The query is over {limits.MaxDocumentBytes} bytes."));
        }

        var options = new ExecutionOptions
        {
            Schema = schema,
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = userContext,
            RequestServices = requestServices,
            CancellationToken = cancellationToken,
            ThrowOnUnhandledException = false,
            UnhandledExceptionDelegate = context =>
            {
                // A refusal by the tenant filter is answered as NOT_FOUND, not an internal error.
                if (context.Exception is not TenantMismatchException)
                {
                    InternalErrors.Record(logger, context.Exception, $"GraphQL field {context.FieldContext?.FieldDefinition.Name ?? "(set-up)"}");
                }

                return Task.CompletedTask;
            },
        };
        if (transportRule is not null)
        {
            options.ValidationRules = [.. DocumentValidator.CoreRules, transportRule];
            options.CachedDocumentValidationRules = [transportRule];
        }

        TenantContext.Set(userContext.Caller.Tenant);
        ActorContext.Set(RoleNames.NameOf(userContext.Caller.Role));
        var started = Stopwatch.GetTimestamp();
        using var activity = ApGridTelemetry.Source.StartActivity("GraphQL");
        var result = await executer.ExecuteAsync(options);
        Record(result, activity, started);
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

    /// <summary>
    /// The operation's type and name as the parsed document gives them (semantic conventions'
    /// "{type} {name}"); never the document or the variables, which may hold a pupil's details.
    /// </summary>
    private static void Record(ExecutionResult result, Activity? activity, long started)
    {
        var type = result.Operation?.Operation.ToString().ToLowerInvariant() ?? "unknown";
        var name = result.Operation?.Name?.StringValue ?? "";
        var tags = new TagList { { "graphql.operation.type", type }, { "graphql.operation.name", name } };
        ApGridTelemetry.GraphQLDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        if (activity is null) return;
        activity.DisplayName = name.Length > 0 ? $"{type} {name}" : type;
        activity.SetTag("graphql.operation.type", type);
        if (name.Length > 0) activity.SetTag("graphql.operation.name", name);
        if (result.Errors is { Count: > 0 }) activity.SetStatus(ActivityStatusCode.Error);
    }

    private static ExecutionResult Refusal(ExecutionError error) => new() { Errors = [error], Executed = false };
}
