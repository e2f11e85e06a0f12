using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Api.GraphQL.Transport;

namespace ApGrid.Server.Tests.Api;

/// <summary>
/// Repeated capacity queries answered from memory, through the gateway: never older than a fresh
/// answer, never another tenant's or role's, and never for a query that reads beyond the index.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class CachedCapacityAnswerTests(RunningServerFixture server)
{
    [Fact]
    public async Task A_repeated_query_is_served_from_memory_until_a_setting_changes()
    {
        var urn = (await server.ApSettingUrnsAsync("901"))[^1];
        var la = await server.TokenAsync("901", "LA_OFFICER");
        var query = $"{{ cachedChange: apCapacity {{ setting {{ urn fullTimePlaces }} }} }} # {Guid.NewGuid()}";

        var first = await SendAsync(la, query);
        var second = await SendAsync(la, query);
        var third = await SendAsync(la, query);
        var setting = (await server.PostAsync(la, "query($urn: String!) { apSetting(urn: $urn) { fullTimePlaces sessions { session places } outreachHoursPerWeek } }", new { urn }))
            .Data.GetProperty("apSetting");
        var places = setting.GetProperty("fullTimePlaces").GetInt32() + 1;
        var changed = await server.PostAsync(la, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { fullTimePlaces } }", new
        {
            input = new
            {
                urn,
                fullTimePlaces = places,
                sessions = setting.GetProperty("sessions").EnumerateArray().Select(s => new { session = s.GetProperty("session").GetString(), places = s.GetProperty("places").GetInt32() }),
                outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble(),
            },
        });
        var afterChange = await SendAsync(la, query);
        var again = await SendAsync(la, query);

        Assert.False(changed.HasErrors, changed.Body);
        Assert.Equal(("miss", "miss", "hit"), (first.Cache, second.Cache, third.Cache));
        Assert.Equal((first.Body, first.Body), (second.Body, third.Body));
        Assert.Equal(places - 1, PlacesOf(first, urn));
        Assert.Equal(("miss", places), (afterChange.Cache, PlacesOf(afterChange, urn)));
        Assert.Equal(("hit", afterChange.Body), (again.Cache, again.Body));
    }

    [Fact]
    public async Task The_same_request_from_another_tenant_or_role_is_never_served_what_was_kept_for_the_first()
    {
        var query = $"{{ apCapacity {{ setting {{ urn }} }} }} # {Guid.NewGuid()}";
        var la901 = await server.TokenAsync("901", "LA_OFFICER");
        var urns902 = await server.ApSettingUrnsAsync("902");
        await SendAsync(la901, query);
        await SendAsync(la901, query);
        var kept = await SendAsync(la901, query);

        var token902 = await server.TokenAsync("902", "LA_OFFICER");
        var la902 = await SendAsync(token902, query);
        var partner902 = await SendAsync(await server.TokenAsync("902", "PARTNER"), query);
        var staff902 = await SendAsync(await server.TokenAsync("902", "AP_STAFF", urns902[0]), query);
        var la902Again = await SendAsync(token902, query);

        Assert.Equal("hit", kept.Cache);
        Assert.Equal(("miss", "miss", "miss"), (la902.Cache, partner902.Cache, staff902.Cache));
        var seen902 = Urns(la902);
        Assert.NotEmpty(seen902);
        Assert.All(seen902, u => Assert.Contains(u, urns902));
        Assert.Empty(seen902.Intersect(Urns(kept)));
        Assert.Equal(la902.Body, partner902.Body);
        Assert.Equal(("miss", la902.Body), (la902Again.Cache, la902Again.Body));
    }

    [Theory]
    [InlineData("{ apCapacity { setting { urn placements { id } } } }")]
    [InlineData("{ apCapacity { setting { urn } } localAuthority { name } }")]
    public async Task A_query_that_reads_beyond_the_index_is_always_computed(string query)
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");

        var first = await SendAsync(la, query);
        var second = await SendAsync(la, query);

        Assert.Equal((null, null), (first.Cache, second.Cache));
        Assert.DoesNotContain("errors", second.Body, StringComparison.Ordinal);
    }

    private static int PlacesOf(Answer answer, string urn) => JsonDocument.Parse(answer.Body).RootElement.GetProperty("data").GetProperty("cachedChange")
        .EnumerateArray().Select(m => m.GetProperty("setting")).Single(s => s.GetProperty("urn").GetString() == urn).GetProperty("fullTimePlaces").GetInt32();

    private static List<string> Urns(Answer answer) => [.. JsonDocument.Parse(answer.Body).RootElement.GetProperty("data").GetProperty("apCapacity")
        .EnumerateArray().Select(m => m.GetProperty("setting").GetProperty("urn").GetString()!)];

    private async Task<Answer> SendAsync(string token, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var cache = response.Headers.TryGetValues(GraphQLHttpEndpoint.CacheHeader, out var values) ? values.Single() : null;
        return new Answer(cache, await response.Content.ReadAsStringAsync());
    }

    private sealed record Answer(string? Cache, string Body);
}
