using GraphQLParser.AST;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>Counts what the complexity analyzer does not: aliases and root fields.</summary>
public static class DocumentLimits
{
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
