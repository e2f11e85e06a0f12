using GraphQLParser.AST;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// One linear pass over a parsed document, run before graphql-dotnet's validation (whose
/// overlapping-fields rule is quadratic in repeated fields): aliases, root fields, data fields (each
/// costs at least one point of complexity), a response name repeated in one selection set, and the
/// depth of data apart from introspection. Introspection (<c>__schema</c>, <c>__type</c>) is costed as
/// what it is: its answer is bounded by the schema's size, not multiplied like data, so it is left
/// out of depth and complexity and bounded by shape instead: one <c>__schema</c> per operation,
/// <c>ofType</c> chains no longer than <see cref="GraphQLLimits.MaxOfTypeDepth"/>, and a type's
/// members (fields, inputFields, interfaces, possibleTypes, enumValues) never asked again below a
/// member, which is what would multiply the answer by the schema's size once per level.
/// <see cref="DocumentCache"/> runs it once per document text and remembers refusals.
/// </summary>
public static class DocumentLimits
{
    /// <summary>Selections visited with fragments expanded; a few fragments spread into each other many times would otherwise be walked without end.</summary>
    private const int MaxExpandedSelections = 20_000;

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
        private int dataFields;
        private int mostRepeats;
        private string? mostRepeated;
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

            Data(operation.SelectionSet, 0, new Dictionary<string, int>(StringComparer.Ordinal));
        }

        public string? Over(GraphQLLimits limits)
        {
            if (selections > MaxExpandedSelections) return $"The operation expands to more than {MaxExpandedSelections} fields.";
            if (mostRepeats > limits.MaxRepeatedFields) return $"The field {mostRepeated} is selected {mostRepeats} times in one selection set; the limit is {limits.MaxRepeatedFields}.";
            if (dataFields > limits.MaxFields) return $"The operation selects {dataFields} fields; the limit is {limits.MaxFields}.";
            if (dataDepth > limits.MaxDepth) return $"The query is {dataDepth} levels deep; the limit is {limits.MaxDepth}.";
            if (schemaFields > 1) return $"The operation asks for __schema {schemaFields} times; once gives the whole schema.";
            if (ofTypeChain > limits.MaxOfTypeDepth) return $"An ofType chain is {ofTypeChain} deep; the limit is {limits.MaxOfTypeDepth}.";
            return membersBelowMembers
                ? "Introspection asks for a type's members (fields, inputFields, interfaces, possibleTypes, enumValues) below another member; ask for each type once, through __schema { types } or __type(name:)."
                : null;
        }

        /// <param name="responseNames">How often each response name is selected in this set, fragments spread into it included: what the overlapping-fields rule compares pairwise.</param>
        private void Data(GraphQLSelectionSet set, int depth, Dictionary<string, int> responseNames)
        {
            foreach (var selection in set.Selections)
            {
                if (++selections > MaxExpandedSelections) return;
                if (selection is GraphQLField field) Repeat(responseNames, (field.Alias?.Name ?? field.Name).StringValue);
                switch (selection)
                {
                    case GraphQLField { Name.Value: var name, SelectionSet: { } children } when name == "__schema" || name == "__type":
                        if (name == "__schema") schemaFields++;
                        Introspection(children, 0, false, new Dictionary<string, int>(StringComparer.Ordinal));
                        break;
                    case GraphQLField { Name.Value: var name } when name == "__typename":
                        break;
                    case GraphQLField { SelectionSet: { } children }:
                        dataFields++;
                        dataDepth = Math.Max(dataDepth, depth + 1);
                        Data(children, depth + 1, new Dictionary<string, int>(StringComparer.Ordinal));
                        break;
                    case GraphQLField:
                        dataFields++;
                        break;
                    case GraphQLInlineFragment inline:
                        Data(inline.SelectionSet, depth, responseNames);
                        break;
                    case GraphQLFragmentSpread spread:
                        Spread(spread, children => Data(children, depth, responseNames));
                        break;
                }
            }
        }

        private void Repeat(Dictionary<string, int> responseNames, string name)
        {
            var times = responseNames[name] = responseNames.GetValueOrDefault(name) + 1;
            if (times <= mostRepeats) return;
            mostRepeats = times;
            mostRepeated = name;
        }

        private void Introspection(GraphQLSelectionSet set, int ofTypes, bool belowMember, Dictionary<string, int> responseNames)
        {
            foreach (var selection in set.Selections)
            {
                if (++selections > MaxExpandedSelections) return;
                if (selection is GraphQLField field) Repeat(responseNames, (field.Alias?.Name ?? field.Name).StringValue);
                switch (selection)
                {
                    case GraphQLField { Name.Value: var name, SelectionSet: { } children }:
                        var chain = name == "ofType" ? ofTypes + 1 : 0;
                        ofTypeChain = Math.Max(ofTypeChain, chain);
                        var member = name == "fields" || name == "inputFields" || name == "interfaces" || name == "possibleTypes" || name == "enumValues";
                        membersBelowMembers |= member && belowMember;
                        Introspection(children, chain, belowMember || member, new Dictionary<string, int>(StringComparer.Ordinal));
                        break;
                    case GraphQLInlineFragment inline:
                        Introspection(inline.SelectionSet, ofTypes, belowMember, responseNames);
                        break;
                    case GraphQLFragmentSpread spread:
                        Spread(spread, children => Introspection(children, ofTypes, belowMember, responseNames));
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
