using GraphQLParser.AST;
using Inputs = global::GraphQL.Inputs;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// Which requests <see cref="CachedCapacityAnswers"/> may answer from memory: queries that select
/// nothing but the LA's capacity index, so their answer follows from the index's version, the
/// request's text and the caller's tenant and role alone.
/// </summary>
/// <remarks>
/// An allow-list, so a field added to the schema stays uncached until someone decides otherwise.
/// Left out on purpose: <c>ApSetting.placements</c> (pupils, their visibility rules and the audit
/// trail) and <c>nearPupil</c> (reads a pupil, is audited, and ranks by where the pupil's school is).
/// </remarks>
public static class CapacityAnswerAdmission
{
    private static readonly Dictionary<string, Dictionary<string, string?>> Fields = new(StringComparer.Ordinal)
    {
        ["Query"] = new(StringComparer.Ordinal) { ["apCapacity"] = "CapacityMatch" },
        ["CapacityMatch"] = new(StringComparer.Ordinal) { ["setting"] = "ApSetting", ["distanceKm"] = null, ["travelMinutes"] = null },
        ["ApSetting"] = new(StringComparer.Ordinal)
        {
            ["urn"] = null, ["name"] = null, ["type"] = null, ["registered"] = null, ["keyStages"] = null, ["specialisms"] = null,
            ["location"] = "GeoPoint", ["fullTimePlaces"] = null, ["fullTimePlacesFree"] = null, ["sessions"] = "SessionCapacity",
            ["outreachHoursPerWeek"] = null, ["outreachHoursFree"] = null, ["updatedAt"] = null,
        },
        ["SessionCapacity"] = new(StringComparer.Ordinal) { ["session"] = null, ["places"] = null, ["free"] = null },
        ["GeoPoint"] = new(StringComparer.Ordinal) { ["latitude"] = null, ["longitude"] = null },
    };

    private static readonly string[] PupilFilterFields = ["nearPupil", "maxTravelMinutes"];

    /// <param name="executed">The result, which carries the document and the operation that ran.</param>
    public static bool Admits(global::GraphQL.ExecutionResult executed, Inputs? variables)
    {
        ArgumentNullException.ThrowIfNull(executed);
        if (executed.Document is not { } document
            || executed.Operation is not { Operation: OperationType.Query } operation || operation.Directives is { Count: > 0 })
        {
            return false;
        }

        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        var walk = new Walk(operation, fragments, variables);
        return walk.Admits(operation.SelectionSet, "Query", depth: 0);
    }

    private sealed class Walk(GraphQLOperationDefinition operation, Dictionary<string, GraphQLFragmentDefinition> fragments, Inputs? variables)
    {
        // Validation has already refused fragment cycles; the cap keeps the walk safe without relying on it.
        private const int MaxDepth = 32;

        public bool Admits(GraphQLSelectionSet? set, string type, int depth)
        {
            if (depth > MaxDepth) return false;
            if (set is null) return true;
            foreach (var selection in set.Selections)
            {
                var admitted = selection switch
                {
                    GraphQLField field => AdmitsField(field, type, depth),
                    GraphQLInlineFragment inline => OnlySkipOrInclude(inline.Directives)
                        && (inline.TypeCondition is null || inline.TypeCondition.Type.Name.StringValue == type)
                        && Admits(inline.SelectionSet, type, depth + 1),
                    GraphQLFragmentSpread spread => OnlySkipOrInclude(spread.Directives)
                        && fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                        && fragment.TypeCondition.Type.Name.StringValue == type
                        && OnlySkipOrInclude(fragment.Directives)
                        && Admits(fragment.SelectionSet, type, depth + 1),
                    _ => false,
                };
                if (!admitted) return false;
            }

            return true;
        }

        private bool AdmitsField(GraphQLField field, string type, int depth)
        {
            var name = field.Name.StringValue;
            if (!OnlySkipOrInclude(field.Directives)) return false;
            if (name == "__typename") return field.SelectionSet is null;
            if (!Fields.TryGetValue(type, out var allowed) || !allowed.TryGetValue(name, out var child)) return false;
            if (type == "Query" && !FilterNamesNoPupil(field)) return false;
            if (type != "Query" && field.Arguments is { Count: > 0 }) return false;
            return child is null ? field.SelectionSet is null : Admits(field.SelectionSet, child, depth + 1);
        }

        private bool FilterNamesNoPupil(GraphQLField field)
        {
            foreach (var argument in field.Arguments?.Items ?? [])
            {
                if (argument.Name.StringValue != "filter") return false;
                var admitted = argument.Value switch
                {
                    GraphQLNullValue => true,
                    GraphQLObjectValue literal => literal.Fields is null || !literal.Fields.Any(f => PupilFilterFields.Contains(f.Name.StringValue)),
                    GraphQLVariable variable => VariableNamesNoPupil(variable.Name.StringValue),
                    _ => false,
                };
                if (!admitted) return false;
            }

            return true;
        }

        private bool VariableNamesNoPupil(string name)
        {
            var definition = operation.Variables?.Items.Find(v => v.Variable.Name.StringValue == name);
            if (definition is null) return false;
            if (variables is null || !variables.TryGetValue(name, out var value)) return definition.DefaultValue is null;
            return value switch
            {
                null => true,
                IReadOnlyDictionary<string, object?> filter => !PupilFilterFields.Any(f => filter.TryGetValue(f, out var v) && v is not null),
                _ => false,
            };
        }

        private static bool OnlySkipOrInclude(GraphQLDirectives? directives) =>
            directives is null || directives.Items.All(d => d.Name.StringValue is "skip" or "include");
    }
}
