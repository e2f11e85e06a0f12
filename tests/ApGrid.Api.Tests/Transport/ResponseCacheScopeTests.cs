using ApGrid.Api.GraphQL;
using ApGrid.Api.GraphQL.Transport;
using global::GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using GraphQLRequest = global::GraphQL.Transport.GraphQLRequest;
using Inputs = global::GraphQL.Inputs;

namespace ApGrid.Api.Tests.Transport;

/// <summary>Which operations the schema's declarations let the index's version validate.</summary>
public sealed class ResponseCacheScopeTests
{
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddLogging()
        .AddApGridGraphQL(new ConfigurationBuilder().Build())
        .BuildServiceProvider();

    // Requests are prepared as the transport prepares them, which picks the operation to run.
    private static readonly GraphQLRequestExecutor Executor = Services.GetRequiredService<GraphQLRequestExecutor>();

    private static readonly ISchema Schema = Services.GetRequiredService<ISchema>();

    private const string Capacity = "{ apCapacity(filter: { keyStage: KS3 }) { setting { urn fullTimePlacesFree sessions { session free } } } }";

    [Theory]
    [InlineData(Capacity)]
    [InlineData("{ apCapacity { setting { urn name type registered keyStages specialisms location { latitude longitude } fullTimePlaces fullTimePlacesFree sessions { session places free } outreachHoursPerWeek outreachHoursFree updatedAt } distanceKm travelMinutes } }")]
    [InlineData("query Free { __typename a: apCapacity(filter: null) { ...M } b: apCapacity(filter: { fullTime: true }) { ... on CapacityMatch { setting { urn } } } } fragment M on CapacityMatch { __typename setting { urn @include(if: true) } }")]
    [InlineData("{ apCapacity(filter: { nearPupil: null }) { setting { urn } } }")]
    public void Covers_queries_whose_every_field_is_declared_capacity(string query) => Assert.True(Covers(query));

    [Theory]
    [InlineData("{ apCapacity { setting { urn placements { id } } } }")]
    [InlineData("{ apCapacity(filter: { nearPupil: \"p-1\" }) { setting { urn } } }")]
    [InlineData("{ apCapacity { setting { urn } } report { asOf } }")]
    [InlineData("{ apCapacity { setting { urn } } localAuthority { name } }")]
    [InlineData("{ apSetting(urn: \"100001\") { urn } }")]
    [InlineData("{ apCapacity { setting { urn @cached } } }")]
    [InlineData("{ apCapacity { ...S } } fragment S on ApSetting { urn }")]
    [InlineData("{ apCapacity { ...Missing } }")]
    [InlineData("{ apCapacity { setting { sessions { session free __typename { x } } } } }")]
    [InlineData("{ apCapacity { setting } }")]
    [InlineData("{ apCapacity(unknown: 1) { setting { urn } } }")]
    [InlineData("query A { apCapacity { setting { urn } } } query B { apCapacity { setting { urn } } }")]
    [InlineData("{ viewer { role } }")]
    [InlineData("{ __schema { types { name } } }")]
    [InlineData("{ apCapacity { ...F } } fragment F on CapacityMatch { ...F }")]
    public void Refuses_anything_else(string query) => Assert.False(Covers(query));

    [Fact]
    public void Refuses_a_mutation_even_of_the_same_shape()
    {
        Assert.False(Covers("mutation { apCapacity { setting { urn } } }"));
    }

    [Fact]
    public void Picks_the_named_operation()
    {
        const string Query = "query A { apCapacity { setting { urn } } } query B { report { asOf } }";

        Assert.True(Covers(Query, operationName: "A"));
        Assert.False(Covers(Query, operationName: "B"));
        Assert.False(Covers(Query, operationName: "C"));
    }

    [Fact]
    public void Looks_into_a_filter_given_as_a_variable()
    {
        const string Query = "query($f: CapacityFilter) { apCapacity(filter: $f) { setting { urn } } }";

        Assert.True(Covers(Query, new Dictionary<string, object?> { ["f"] = new Dictionary<string, object?> { ["keyStage"] = "KS3", ["nearPupil"] = null } }));
        Assert.True(Covers(Query, new Dictionary<string, object?> { ["f"] = null }));
        Assert.True(Covers(Query));
        Assert.False(Covers(Query, new Dictionary<string, object?> { ["f"] = new Dictionary<string, object?> { ["nearPupil"] = "p-1" } }));
        Assert.False(Covers("query($f: CapacityFilter = { nearPupil: \"p-1\" }) { apCapacity(filter: $f) { setting { urn } } }"));
        Assert.False(Covers("query($p: ID) { apCapacity(filter: { nearPupil: $p }) { setting { urn } } }", new Dictionary<string, object?> { ["p"] = "p-1" }));
        Assert.True(Covers("query($p: ID) { apCapacity(filter: { nearPupil: $p }) { setting { urn } } }"));
    }

    [Fact]
    public void No_field_that_records_pupil_reads_is_declared_capacity()
    {
        Schema.Initialize();
        var declared = Schema.AllTypes.OfType<IComplexGraphType>()
            .SelectMany(t => t.Fields.Where(f => f.GetMetadata<string?>(CacheScope.MetadataKey) == CacheScope.Capacity).Select(f => (Type: t, Field: f)))
            .ToList();

        Assert.NotEmpty(declared);
        Assert.All(declared, d => Assert.True(CacheScope.IsCachedByCapacityVersion(d.Field), $"{d.Type.Name}.{d.Field.Name} records pupil reads"));
        Assert.All(declared, d => Assert.DoesNotContain(d.Type.Name, new[] { "Pupil", "Placement", "Referral", "EhcpCase", "WaitingListEntry", "OutreachRequest" }));
    }

    private static bool Covers(string query, Dictionary<string, object?>? variables = null, string? operationName = null)
    {
        var request = new GraphQLRequest { Query = query, OperationName = operationName, Variables = variables is null ? null : new Inputs(variables) };
        return ResponseCacheScope.IsCachedByCapacityVersion(Schema, request);
    }
}
