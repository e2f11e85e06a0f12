using global::GraphQL.Validation;
using GraphQLParser.AST;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// A validation rule for what the complexity analyzer does not count: aliases and root fields. Like
/// every rule it runs once per document text; a cached document has passed it.
/// </summary>
public sealed class DocumentLimits(GraphQLLimits limits) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(context.Document, limits) is { } over) context.ReportError(new DocumentLimitError(over));
        return default;
    }

    public static string? Check(GraphQLDocument document, GraphQLLimits limits)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(limits);
        var aliases = 0;
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLOperationDefinition operation && operation.SelectionSet.Selections.Count > limits.MaxRootFields)
            {
                return $"The operation selects {operation.SelectionSet.Selections.Count} root fields; the limit is {limits.MaxRootFields}.";
            }

            if (definition is IHasSelectionSetNode node) aliases += CountAliases(node.SelectionSet);
        }

        return aliases > limits.MaxAliases ? $"The document uses {aliases} aliases; the limit is {limits.MaxAliases}." : null;
    }

    private static int CountAliases(GraphQLSelectionSet? set)
    {
        if (set is null) return 0;
        var count = 0;
        foreach (var selection in set.Selections)
        {
            if (selection is GraphQLField { Alias: not null }) count++;
            if (selection is IHasSelectionSetNode child) count += CountAliases(child.SelectionSet);
        }

        return count;
    }
}
