using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace ApGrid.Server.Tests.Api;

/// <summary>
/// HTTP validators on capacity reads, through the gateway: 304 while the tenant's capacity index is
/// unchanged, a new answer and ETag after a change, never across tenants or roles, and no ETag for
/// an operation that reads beyond the index.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class CapacityValidatorTests(RunningServerFixture server)
{
    [Fact]
    public async Task A_graphql_get_is_answered_304_while_capacity_is_unchanged_and_200_with_a_new_etag_after_a_change()
    {
        var urn = (await server.ApSettingUrnsAsync("901"))[^1];
        var la = await server.TokenAsync("901", "LA_OFFICER");

        var first = await server.Http.GraphQLGetAsync(la, ConditionalCalls.CapacityQuery);
        var unchanged = await server.Http.GraphQLGetAsync(la, ConditionalCalls.CapacityQuery, first.ETag);
        var places = await server.Http.AddFullTimePlaceAsync(la, urn);
        var afterChange = await server.Http.GraphQLGetAsync(la, ConditionalCalls.CapacityQuery, first.ETag);
        var again = await server.Http.GraphQLGetAsync(la, ConditionalCalls.CapacityQuery, afterChange.ETag);

        Assert.Equal(200, first.Status);
        Assert.StartsWith("W/\"", first.ETag, StringComparison.Ordinal);
        Assert.True(first.PrivateAndRevalidated);
        Assert.Equal(places - 1, first.PlacesOf(urn));
        Assert.Equal((304, first.ETag, "", true), (unchanged.Status, unchanged.ETag, unchanged.Body, unchanged.PrivateAndRevalidated));
        Assert.Equal((200, places), (afterChange.Status, afterChange.PlacesOf(urn)));
        Assert.NotNull(afterChange.ETag);
        Assert.NotEqual(first.ETag, afterChange.ETag);
        Assert.Equal((304, afterChange.ETag), (again.Status, again.ETag));
    }

    [Theory]
    [InlineData("/api/v1/ap-settings")]
    [InlineData("/api/v1/ap-settings?keyStage=KS3")]
    [InlineData("/api/v1/capacity")]
    public async Task A_rest_read_of_capacity_is_answered_304_while_unchanged_and_200_with_a_new_etag_after_a_change(string path)
    {
        var urns = await server.ApSettingUrnsAsync("901");
        var la = await server.TokenAsync("901", "LA_OFFICER");
        var staff = await server.TokenAsync("901", "AP_STAFF", urns[0]);

        var first = await server.Http.ConditionalGetAsync(staff, path);
        var unchanged = await server.Http.ConditionalGetAsync(staff, path, first.ETag);
        await server.Http.AddFullTimePlaceAsync(la, urns[0]);
        var afterChange = await server.Http.ConditionalGetAsync(staff, path, first.ETag);
        var fresh = await server.Http.ConditionalGetAsync(staff, path);

        Assert.Equal(200, first.Status);
        Assert.True(first.PrivateAndRevalidated);
        Assert.Equal((304, first.ETag, ""), (unchanged.Status, unchanged.ETag, unchanged.Body));
        Assert.Equal(200, afterChange.Status);
        Assert.NotEqual(first.ETag, afterChange.ETag);
        Assert.Equal((fresh.ETag, fresh.Body), (afterChange.ETag, afterChange.Body));
    }

    [Theory]
    [InlineData("902", "LA_OFFICER")]
    [InlineData("901", "AP_STAFF")]
    [InlineData("901", "PARTNER")]
    [InlineData("901", "SCHOOL_STAFF")]
    public async Task An_etag_held_by_an_la_officer_of_901_never_validates_for_another_tenant_or_role(string tenant, string role)
    {
        var la901 = await server.TokenAsync("901", "LA_OFFICER");
        var urn = role is "AP_STAFF" ? (await server.ApSettingUrnsAsync(tenant))[0] : role is "SCHOOL_STAFF" ? await SchoolUrnAsync(tenant) : null;
        var other = await server.TokenAsync(tenant, role, urn);
        const string Path = "/api/v1/ap-settings";
        var heldGraphQL = (await server.Http.GraphQLGetAsync(la901, ConditionalCalls.CapacityQuery)).ETag;
        var heldRest = (await server.Http.ConditionalGetAsync(la901, Path)).ETag;

        var graphql = await server.Http.GraphQLGetAsync(other, ConditionalCalls.CapacityQuery, heldGraphQL);
        var rest = await server.Http.ConditionalGetAsync(other, Path, heldRest);
        var back = await server.Http.GraphQLGetAsync(la901, ConditionalCalls.CapacityQuery, graphql.ETag);

        Assert.NotNull(heldGraphQL);
        Assert.NotNull(heldRest);
        Assert.Equal((200, 200, 200), (graphql.Status, rest.Status, back.Status));
        Assert.NotEqual(heldGraphQL, graphql.ETag);
        Assert.NotEqual(heldRest, rest.ETag);
        Assert.DoesNotContain("errors", graphql.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ apCapacity { setting { urn } } localAuthority { name } }")]
    [InlineData("{ apCapacity { setting { urn placements { id } } } }")]
    [InlineData("{ apSetting(urn: \"URN\") { urn fullTimePlaces } }")]
    [InlineData("{ viewer { role } }")]
    public async Task An_operation_reading_beyond_the_capacity_index_gets_no_etag_and_no_304(string query)
    {
        var urn = (await server.ApSettingUrnsAsync("901"))[0];
        var la = await server.TokenAsync("901", "LA_OFFICER");
        query = query.Replace("URN", urn, StringComparison.Ordinal);
        var held = (await server.Http.GraphQLGetAsync(la, ConditionalCalls.CapacityQuery)).ETag;

        var first = await server.Http.GraphQLGetAsync(la, query);
        var withHeld = await server.Http.GraphQLGetAsync(la, query, held);
        var withAny = await server.Http.GraphQLGetAsync(la, query, "*");

        Assert.Equal((200, null, null), (first.Status, first.ETag, first.CacheControl));
        Assert.DoesNotContain("errors", first.Body, StringComparison.Ordinal);
        Assert.Equal((200, null), (withHeld.Status, withHeld.ETag));
        Assert.Equal((200, null), (withAny.Status, withAny.ETag));
    }

    [Fact]
    public async Task A_search_near_a_pupil_gets_no_etag_and_no_304()
    {
        var world = new PlacementWorld(server, "901");
        var la = await world.LaAsync();
        var pupil = await world.RegisterPupilAsync((await world.SchoolUrnsAsync())[0], yearGroup: 8);
        var query = "query($p: ID) { apCapacity(filter: { nearPupil: $p }) { setting { urn } travelMinutes } }";

        var graphql = await server.Http.GraphQLGetAsync(la, query, "*", new { p = pupil });
        var rest = await server.Http.ConditionalGetAsync(la, $"/api/v1/capacity?nearPupil={pupil}", "*");

        Assert.Equal((200, null), (graphql.Status, graphql.ETag));
        Assert.DoesNotContain("errors", graphql.Body, StringComparison.Ordinal);
        Assert.Equal((200, null), (rest.Status, rest.ETag));
    }

    [Fact]
    public async Task A_post_or_an_answer_with_errors_carries_no_etag()
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = ConditionalCalls.CapacityQuery }) };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", la);
        using var posted = await server.Http.SendAsync(post);

        var failed = await server.Http.GraphQLGetAsync(la, "{ apCapacity(filter: { maxTravelMinutes: 30 }) { setting { urn } } }");

        Assert.True(posted.IsSuccessStatusCode);
        Assert.Null(posted.Headers.ETag);
        Assert.Contains("errors", failed.Body, StringComparison.Ordinal);
        Assert.Null(failed.ETag);
    }

    private async Task<string> SchoolUrnAsync(string tenant) => (await new PlacementWorld(server, tenant).SchoolUrnsAsync())[0];
}
