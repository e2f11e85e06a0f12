using global::GraphQL.Validation;
using GraphQLParser.AST;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// Refuses an operation its transport cannot carry. A validation rule, so it also runs on cached
/// documents (<see cref="global::GraphQL.ExecutionOptions.CachedDocumentValidationRules"/>) and never
/// lets the operation start.
/// </summary>
public sealed class OperationTypeRule(string refusal, params OperationType[] allowed) : ValidationRuleBase
{
    /// <summary>GET may be cached and prefetched by anyone on the way, so it carries queries only.</summary>
    public static readonly OperationTypeRule HttpGet = new("Only queries may be sent with GET; use POST.", OperationType.Query);

    /// <summary>A subscription's events need a connection that stays open.</summary>
    public static readonly OperationTypeRule HttpPost = new(
        "Subscriptions need the WebSocket transport (graphql-transport-ws) on this endpoint.", OperationType.Query, OperationType.Mutation);

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Operation is { } operation && !allowed.Contains(operation.Operation))
        {
            context.ReportError(new OperationNotAllowedError(refusal));
        }

        return default;
    }
}
