using ApGrid.Api.GraphQL.Transport;
using GraphQLParser.AST;
using ExecutionResult = global::GraphQL.ExecutionResult;
using Inputs = global::GraphQL.Inputs;

namespace ApGrid.Api.Tests.Transport;

public sealed class CapacityAnswerAdmissionTests
{
    private const string Capacity = "{ apCapacity(filter: { keyStage: KS3 }) { setting { urn fullTimePlacesFree sessions { session free } } } }";

    [Theory]
    [InlineData(Capacity)]
    [InlineData("{ apCapacity { setting { urn name type registered keyStages specialisms location { latitude longitude } fullTimePlaces fullTimePlacesFree sessions { session places free } outreachHoursPerWeek outreachHoursFree updatedAt } distanceKm travelMinutes } }")]
    [InlineData("query Free { __typename a: apCapacity(filter: null) { ...M } b: apCapacity(filter: { fullTime: true }) { ... on CapacityMatch { setting { urn } } } } fragment M on CapacityMatch { __typename setting { urn @include(if: true) } }")]
    public void Admits_queries_of_the_capacity_index_alone(string query) => Assert.True(Admits(query));

    [Theory]
    [InlineData("{ apCapacity { setting { urn placements { id } } } }")]
    [InlineData("{ apCapacity(filter: { nearPupil: \"p-1\" }) { setting { urn } } }")]
    [InlineData("{ apCapacity(filter: { keyStage: KS3, maxTravelMinutes: 30 }) { setting { urn } } }")]
    [InlineData("{ apCapacity { setting { urn } } report { asOf } }")]
    [InlineData("{ apCapacity { setting { urn @cached } } }")]
    [InlineData("{ apCapacity { ...S } } fragment S on ApSetting { urn }")]
    [InlineData("{ apCapacity { ...Missing } }")]
    [InlineData("{ apCapacity { setting { sessions { session free __typename { x } } } } }")]
    [InlineData("query A { apCapacity { setting { urn } } } query B { apCapacity { setting { urn } } }")]
    [InlineData("{ viewer { role } }")]
    public void Refuses_anything_that_reads_beyond_it(string query) => Assert.False(Admits(query));

    [Fact]
    public void Refuses_a_mutation_even_of_the_same_shape()
    {
        Assert.False(Admits("mutation { apCapacity { setting { urn } } }"));
    }

    [Fact]
    public void Picks_the_named_operation()
    {
        const string Query = "query A { apCapacity { setting { urn } } } query B { report { asOf } }";

        Assert.True(Admits(Query, operationName: "A"));
        Assert.False(Admits(Query, operationName: "B"));
        Assert.False(Admits(Query, operationName: "C"));
    }

    [Fact]
    public void Looks_into_a_filter_given_as_a_variable()
    {
        const string Query = "query($f: CapacityFilter) { apCapacity(filter: $f) { setting { urn } } }";

        Assert.True(Admits(Query, new Dictionary<string, object?> { ["f"] = new Dictionary<string, object?> { ["keyStage"] = "KS3", ["nearPupil"] = null } }));
        Assert.True(Admits(Query, new Dictionary<string, object?> { ["f"] = null }));
        Assert.True(Admits(Query));
        Assert.False(Admits(Query, new Dictionary<string, object?> { ["f"] = new Dictionary<string, object?> { ["nearPupil"] = "p-1" } }));
        Assert.False(Admits("query($f: CapacityFilter = { nearPupil: \"p-1\" }) { apCapacity(filter: $f) { setting { urn } } }"));
        Assert.False(Admits("query($p: ID) { apCapacity(filter: { nearPupil: $p }) { setting { urn } } }"));
    }

    /// <summary>The document and operation as an execution reports them: the named one, or the only one.</summary>
    private static bool Admits(string query, Dictionary<string, object?>? variables = null, string? operationName = null)
    {
        var document = GraphQLParser.Parser.Parse(query);
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null ? (operations.Count == 1 ? operations[0] : null) : operations.Find(o => o.Name?.StringValue == operationName);
        var executed = new ExecutionResult { Document = document, Operation = operation, Executed = true };
        return CapacityAnswerAdmission.Admits(executed, variables is null ? null : new Inputs(variables));
    }
}
