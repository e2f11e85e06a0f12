using global::GraphQL;
using global::GraphQL.Types;
using GraphQLParser.AST;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// Whether an operation's answer follows from the capacity index's version: a query whose every
/// field, through fragments and at every depth, is declared <see cref="CacheScope.Capacity"/> on
/// the schema, and whose arguments give no input field declared <see cref="CacheScope.None"/>.
/// </summary>
/// <remarks>
/// Runs before validation (a 304 is answered without executing), so it refuses what it cannot judge
/// rather than trust the document: unknown fields and types, fragments on another type, directives
/// other than skip and include (whose fields are checked whichever way they go), deep nesting.
/// </remarks>
public static class ResponseCacheScope
{
    // Validation refuses fragment cycles, but this runs before validation.
    private const int MaxDepth = 32;

    /// <summary>
    /// Whether the schema declares every field of the request's operation to follow from the capacity
    /// index. <paramref name="parsed"/> is the document already parsed for this text, if any (the
    /// document cache's); otherwise the text is parsed here, and one that does not parse is not covered.
    /// </summary>
    public static bool IsCachedByCapacityVersion(ISchema schema, global::GraphQL.Transport.GraphQLRequest request, GraphQLDocument? parsed = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = parsed;
        if (request.Query is null) return false;
        if (document is null)
        {
            try
            {
                document = GraphQLParser.Parser.Parse(request.Query);
            }
            catch (GraphQLParser.Exceptions.GraphQLParserException)
            {
                return false;
            }
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = request.OperationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.Find(o => o.Name?.StringValue == request.OperationName);
        return operation is not null && IsCachedByCapacityVersion(schema, document, operation, request.Variables);
    }

    public static bool IsCachedByCapacityVersion(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation, Inputs? variables)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.Operation != OperationType.Query || operation.Directives is { Count: > 0 }) return false;
        schema.Initialize();
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .DistinctBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        return new Walk(operation, fragments, variables).Covers(operation.SelectionSet, schema.Query, 0);
    }

    private sealed class Walk(GraphQLOperationDefinition operation, Dictionary<string, GraphQLFragmentDefinition> fragments, Inputs? variables)
    {
        public bool Covers(GraphQLSelectionSet? set, IGraphType type, int depth)
        {
            if (depth > MaxDepth) return false;
            if (set is null) return true;
            foreach (var selection in set.Selections)
            {
                var covered = selection switch
                {
                    GraphQLField field => CoversField(field, type, depth),
                    GraphQLInlineFragment inline => OnlySkipOrInclude(inline.Directives)
                        && (inline.TypeCondition is null || inline.TypeCondition.Type.Name.StringValue == type.Name)
                        && Covers(inline.SelectionSet, type, depth + 1),
                    GraphQLFragmentSpread spread => OnlySkipOrInclude(spread.Directives)
                        && fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                        && fragment.TypeCondition.Type.Name.StringValue == type.Name
                        && OnlySkipOrInclude(fragment.Directives)
                        && Covers(fragment.SelectionSet, type, depth + 1),
                    _ => false,
                };
                if (!covered) return false;
            }

            return true;
        }

        private bool CoversField(GraphQLField node, IGraphType type, int depth)
        {
            if (!OnlySkipOrInclude(node.Directives)) return false;
            if (node.Name.StringValue == "__typename") return node.SelectionSet is null && node.Arguments is null;
            if (type is not IComplexGraphType complex || complex.GetField(node.Name.StringValue) is not { } field) return false;
            if (!CacheScope.IsCachedByCapacityVersion(field) || field.ResolvedType?.GetNamedType() is not { } result) return false;
            foreach (var argument in node.Arguments?.Items ?? [])
            {
                if (field.Arguments?.Find(argument.Name.StringValue)?.ResolvedType?.GetNamedType() is not { } argumentType
                    || !NamesNothingUncached(argument.Value, argumentType, depth))
                {
                    return false;
                }
            }

            return result is IComplexGraphType ? node.SelectionSet is not null && Covers(node.SelectionSet, result, depth + 1) : node.SelectionSet is null;
        }

        private bool NamesNothingUncached(GraphQLValue value, IGraphType type, int depth)
        {
            if (depth > MaxDepth) return false;
            switch (value)
            {
                case GraphQLVariable variable:
                    var (given, raw, fallback) = Resolve(variable);
                    return !given || (fallback is not null ? NamesNothingUncached(fallback, type, depth + 1) : RawNamesNothingUncached(raw, type, depth + 1));
                case GraphQLListValue list:
                    return list.Values is null || list.Values.All(v => NamesNothingUncached(v, type, depth + 1));
                case GraphQLObjectValue literal when type is IInputObjectGraphType input:
                    foreach (var field in literal.Fields ?? [])
                    {
                        if (input.GetField(field.Name.StringValue) is not { } declared) return false;
                        if (CacheScope.IsNeverCached(declared) && !IsNull(field.Value)) return false;
                        if (declared.ResolvedType?.GetNamedType() is not { } fieldType || !NamesNothingUncached(field.Value, fieldType, depth + 1)) return false;
                    }

                    return true;
                default:
                    return true;
            }
        }

        private static bool RawNamesNothingUncached(object? value, IGraphType type, int depth)
        {
            if (depth > MaxDepth) return false;
            switch (value)
            {
                case IReadOnlyDictionary<string, object?> fields when type is IInputObjectGraphType input:
                    foreach (var (name, fieldValue) in fields)
                    {
                        if (input.GetField(name) is not { } declared) return false;
                        if (CacheScope.IsNeverCached(declared) && fieldValue is not null) return false;
                        if (declared.ResolvedType?.GetNamedType() is not { } fieldType || !RawNamesNothingUncached(fieldValue, fieldType, depth + 1)) return false;
                    }

                    return true;
                case IReadOnlyDictionary<string, object?>:
                    return false;
                case System.Collections.IEnumerable items and not string:
                    return items.Cast<object?>().All(item => RawNamesNothingUncached(item, type, depth + 1));
                default:
                    return true;
            }
        }

        private bool IsNull(GraphQLValue value) => value switch
        {
            GraphQLNullValue => true,
            GraphQLVariable variable => !Resolve(variable).Given,
            _ => false,
        };

        /// <summary>The variable's value as sent, else its default; not given when both are null or absent.</summary>
        private (bool Given, object? Raw, GraphQLValue? Default) Resolve(GraphQLVariable variable)
        {
            var name = variable.Name.StringValue;
            if (variables is not null && variables.TryGetValue(name, out var raw)) return (raw is not null, raw, null);
            var fallback = operation.Variables?.Items.Find(v => v.Variable.Name.StringValue == name)?.DefaultValue;
            return (fallback is not null and not GraphQLNullValue, null, fallback);
        }

        private static bool OnlySkipOrInclude(GraphQLDirectives? directives) =>
            directives is null || directives.Items.All(d => d.Name.StringValue is "skip" or "include");
    }
}
