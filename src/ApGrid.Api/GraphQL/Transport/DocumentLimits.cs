using global::GraphQL.Validation;
using GraphQLParser.AST;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// A validation rule for what the complexity analyzer does not count: aliases, root fields, and the
/// depth of data apart from introspection. Introspection (<c>__schema</c>, <c>__type</c>) is costed as
/// what it is: its answer is bounded by the schema's size, not multiplied like data, so it is left
/// out of depth and complexity and bounded by shape instead: one <c>__schema</c> per operation,
/// <c>ofType</c> chains no longer than <see cref="GraphQLLimits.MaxOfTypeDepth"/>, and a type's
/// members (fields, inputFields, interfaces, possibleTypes, enumValues) never asked again below a
/// member, which is what would multiply the answer by the schema's size once per level. Like every
/// rule it runs once per document text; a cached document has passed it.
/// </summary>
public sealed class DocumentLimits(GraphQLLimits limits) : ValidationRuleBase
{
    /// <summary>Selections visited with fragments expanded; a few fragments spread into each other many times would otherwise be walked without end.</summary>
    private const int MaxExpandedSelections = 20_000;

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
            if (definition is GraphQLOperationDefinition operation)
            {
                if (operation.SelectionSet.Selections.Count > limits.MaxRootFields)
                {
                    return $"The operation selects {operation.SelectionSet.Selections.Count} root fields; the limit is {limits.MaxRootFields}.";
                }

                if (new Shape(document, operation).Over(limits) is { } over) return over;
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

    /// <summary>One operation with its fragments expanded, measured as the limits need it.</summary>
    private sealed class Shape
    {
        private readonly Dictionary<string, GraphQLFragmentDefinition> fragments = new(StringComparer.Ordinal);
        private readonly HashSet<string> fragmentsOnPath = new(StringComparer.Ordinal);
        private int selections;
        private int dataDepth;
        private int schemaFields;
        private int ofTypeChain;
        private bool membersBelowMembers;

        public Shape(GraphQLDocument document, GraphQLOperationDefinition operation)
        {
            foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
            {
                fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
            }

            Data(operation.SelectionSet, 0);
        }

        public string? Over(GraphQLLimits limits)
        {
            if (selections > MaxExpandedSelections) return $"The operation expands to more than {MaxExpandedSelections} fields.";
            if (dataDepth > limits.MaxDepth) return $"The query is {dataDepth} levels deep; the limit is {limits.MaxDepth}.";
            if (schemaFields > 1) return $"The operation asks for __schema {schemaFields} times; once gives the whole schema.";
            if (ofTypeChain > limits.MaxOfTypeDepth) return $"An ofType chain is {ofTypeChain} deep; the limit is {limits.MaxOfTypeDepth}.";
            return membersBelowMembers
                ? "Introspection asks for a type's members (fields, inputFields, interfaces, possibleTypes, enumValues) below another member; ask for each type once, through __schema { types } or __type(name:)."
                : null;
        }

        private void Data(GraphQLSelectionSet set, int depth)
        {
            foreach (var selection in set.Selections)
            {
                if (++selections > MaxExpandedSelections) return;
                switch (selection)
                {
                    case GraphQLField { Name.Value: var name, SelectionSet: { } children } when name == "__schema" || name == "__type":
                        if (name == "__schema") schemaFields++;
                        Introspection(children, 0, false);
                        break;
                    case GraphQLField { SelectionSet: { } children }:
                        dataDepth = Math.Max(dataDepth, depth + 1);
                        Data(children, depth + 1);
                        break;
                    case GraphQLInlineFragment inline:
                        Data(inline.SelectionSet, depth);
                        break;
                    case GraphQLFragmentSpread spread:
                        Spread(spread, children => Data(children, depth));
                        break;
                }
            }
        }

        private void Introspection(GraphQLSelectionSet set, int ofTypes, bool belowMember)
        {
            foreach (var selection in set.Selections)
            {
                if (++selections > MaxExpandedSelections) return;
                switch (selection)
                {
                    case GraphQLField { Name.Value: var name, SelectionSet: { } children }:
                        var chain = name == "ofType" ? ofTypes + 1 : 0;
                        ofTypeChain = Math.Max(ofTypeChain, chain);
                        var member = name == "fields" || name == "inputFields" || name == "interfaces" || name == "possibleTypes" || name == "enumValues";
                        membersBelowMembers |= member && belowMember;
                        Introspection(children, chain, belowMember || member);
                        break;
                    case GraphQLInlineFragment inline:
                        Introspection(inline.SelectionSet, ofTypes, belowMember);
                        break;
                    case GraphQLFragmentSpread spread:
                        Spread(spread, children => Introspection(children, ofTypes, belowMember));
                        break;
                }
            }
        }

        // A fragment that spreads itself is the NoFragmentCycles rule's to report; here it is walked once.
        private void Spread(GraphQLFragmentSpread spread, Action<GraphQLSelectionSet> walk)
        {
            var name = spread.FragmentName.Name.StringValue;
            if (!fragments.TryGetValue(name, out var fragment) || !fragmentsOnPath.Add(name)) return;
            walk(fragment.SelectionSet);
            fragmentsOnPath.Remove(name);
        }
    }
}
