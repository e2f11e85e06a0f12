using ApGrid.Api.GraphQL;
using global::GraphQL;
using global::GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace ApGrid.Api.Tests.Contract;

public sealed class ContractSchemaTests(ServedSchemaFixture served) : IClassFixture<ServedSchemaFixture>
{
    private const string ContractPath = "docs/contract/apgrid-core.graphql";
    private const string PrintedSchemaPath = "docs/schema.graphql";
    private ISchema Schema => served.Schema;

    [Fact]
    public void Served_schema_is_a_superset_of_the_contract()
    {
        var differences = new List<string>();
        var contract = ReadContract();

        foreach (var definition in contract.Definitions)
        {
            switch (definition)
            {
                case GraphQLObjectTypeDefinition type:
                    CompareObject(type, differences);
                    break;
                case GraphQLInputObjectTypeDefinition input:
                    CompareInput(input, differences);
                    break;
                case GraphQLEnumTypeDefinition enumType:
                    CompareEnum(enumType, differences);
                    break;
                case GraphQLScalarTypeDefinition scalar:
                    _ = Served<ScalarGraphType>(scalar.Name.StringValue, "scalar", differences);
                    break;
                default:
                    // A new kind of definition in the contract must not pass unchecked.
                    differences.Add($"contract has a {definition.Kind} definition this test does not compare yet");
                    break;
            }
        }

        CompareRoot(contract, "Query", Schema.Query, differences);
        CompareRoot(contract, "Mutation", Schema.Mutation, differences);
        CompareRoot(contract, "Subscription", Schema.Subscription, differences);

        if (differences.Count > 0)
        {
            Assert.Fail($"The served schema is not a superset of {ContractPath}; {differences.Count} difference(s):\n  "
                + string.Join("\n  ", differences));
        }
    }

    [Fact]
    public void Printed_schema_matches_docs_schema_graphql()
    {
        var printed = Normalise(Schema.Print());
        var path = RepositoryRoot.File(PrintedSchemaPath);
        var committed = File.Exists(path) ? Normalise(File.ReadAllText(path)) : null;
        if (printed == committed) return;

        // Regenerating here means a developer runs the tests once and commits the diff, which then shows reviewers the API change.
        File.WriteAllText(path, printed);
        Assert.Fail($"{PrintedSchemaPath} did not match the served schema and has been regenerated; review and commit it.");
    }

    private static GraphQLDocument ReadContract() => Parser.Parse(File.ReadAllText(RepositoryRoot.File(ContractPath)));

    private static string Normalise(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

    private T? Served<T>(string name, string kind, List<string> differences) where T : class, IGraphType
    {
        switch (Schema.AllTypes[name])
        {
            case null:
                differences.Add($"{kind} {name}: missing from the served schema");
                return null;
            case T type:
                return type;
            case var other:
                differences.Add($"{kind} {name}: served as {KindOf(other)}");
                return null;
        }
    }

    private void CompareObject(GraphQLObjectTypeDefinition definition, List<string> differences)
    {
        var name = definition.Name.StringValue;
        if (Served<IObjectGraphType>(name, "type", differences) is not { } type) return;

        foreach (var field in definition.Fields?.Items ?? [])
        {
            var fieldName = field.Name.StringValue;
            var where = $"{name}.{fieldName}";
            if (type.GetField(fieldName) is not { } servedField)
            {
                differences.Add($"{where}: missing");
                continue;
            }

            CompareType(where, field.Type, servedField.ResolvedType, differences);
            var contractArguments = field.Arguments?.Items ?? [];
            foreach (var argument in contractArguments)
            {
                var argumentName = argument.Name.StringValue;
                if (servedField.Arguments?.Find(argumentName) is not { } servedArgument)
                {
                    differences.Add($"{where}({argumentName}): missing argument");
                    continue;
                }

                CompareType($"{where}({argumentName})", argument.Type, servedArgument.ResolvedType, differences);
            }

            // The contract allows new arguments only if existing queries still validate without them.
            foreach (var extra in servedField.Arguments ?? [])
            {
                if (contractArguments.Any(a => a.Name.StringValue == extra.Name)) continue;
                if (extra.ResolvedType is NonNullGraphType && extra.DefaultValue is null)
                {
                    differences.Add($"{where}({extra.Name}): extra argument is required, so contract queries would fail");
                }
            }
        }
    }

    private void CompareInput(GraphQLInputObjectTypeDefinition definition, List<string> differences)
    {
        var name = definition.Name.StringValue;
        if (Served<IInputObjectGraphType>(name, "input", differences) is not { } input) return;

        var contractFields = definition.Fields?.Items ?? [];
        foreach (var field in contractFields)
        {
            var fieldName = field.Name.StringValue;
            if (input.GetField(fieldName) is not { } servedField)
            {
                differences.Add($"{name}.{fieldName}: missing input field");
                continue;
            }

            CompareType($"{name}.{fieldName}", field.Type, servedField.ResolvedType, differences);
        }

        // Partners build inputs from the contract alone, so a new input field they cannot know about must be optional.
        foreach (var extra in input.Fields)
        {
            if (contractFields.Any(f => f.Name.StringValue == extra.Name)) continue;
            if (extra.ResolvedType is NonNullGraphType && extra.DefaultValue is null)
            {
                differences.Add($"{name}.{extra.Name}: extra input field is required, so contract inputs would fail");
            }
        }
    }

    private void CompareEnum(GraphQLEnumTypeDefinition definition, List<string> differences)
    {
        var name = definition.Name.StringValue;
        if (Served<EnumerationGraphType>(name, "enum", differences) is not { } enumType) return;

        foreach (var value in definition.Values?.Items ?? [])
        {
            var valueName = value.Name.StringValue;
            if (enumType.Values.FindByName(valueName) is null) differences.Add($"{name}.{valueName}: missing enum value");
        }
    }

    private static void CompareRoot(GraphQLDocument contract, string name, IObjectGraphType? root, List<string> differences)
    {
        if (!contract.Definitions.OfType<GraphQLObjectTypeDefinition>().Any(t => t.Name.StringValue == name)) return;
        if (root?.Name != name) differences.Add($"schema root {name}: served as {root?.Name ?? "nothing"}");
    }

    private static void CompareType(string where, GraphQLType contractType, IGraphType? servedType, List<string> differences)
    {
        var expected = TypeString(contractType);
        var actual = servedType is null ? "(unresolved)" : TypeString(servedType);
        if (expected != actual) differences.Add($"{where}: contract {expected}, served {actual}");
    }

    private static string TypeString(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => TypeString(nonNull.Type) + "!",
        GraphQLListType list => "[" + TypeString(list.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => throw new NotSupportedException(type.Kind.ToString()),
    };

    private static string TypeString(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => TypeString(nonNull.ResolvedType!) + "!",
        ListGraphType list => "[" + TypeString(list.ResolvedType!) + "]",
        _ => type.Name,
    };

    private static string KindOf(IGraphType type) => type switch
    {
        IObjectGraphType => "an object type",
        IInputObjectGraphType => "an input type",
        IInterfaceGraphType => "an interface",
        UnionGraphType => "a union",
        EnumerationGraphType => "an enum",
        ScalarGraphType => "a scalar",
        _ => type.GetType().Name,
    };
}
