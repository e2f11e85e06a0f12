using System.Globalization;
using System.Text.Json;
using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Rest;

/// <summary>GET /api/v1/changes: polling the tenant's change feed page by page from a cursor.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class ChangesRestTests(RunningServerFixture server)
{
    [Fact]
    public async Task Pages_follow_one_another_without_gaps_or_repeats()
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");
        var seen = new List<long>();
        string? after = null;
        for (var page = 0; page < 4; page++)
        {
            var response = await server.GetAsync(la, after is null ? "/api/v1/changes?limit=3" : $"/api/v1/changes?limit=3&after={after}");
            Assert.Equal(200, response.Status);
            var entries = response.Json.GetProperty("entries").EnumerateArray().ToList();
            Assert.Equal(3, entries.Count);
            seen.AddRange(entries.Select(e => long.Parse(e.GetProperty("cursor").GetString()!, CultureInfo.InvariantCulture)));
            after = response.Json.GetProperty("nextCursor").GetString();
            Assert.Equal(entries[^1].GetProperty("cursor").GetString(), after);
            Assert.True(response.Json.GetProperty("hasMore").GetBoolean());
        }

        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), seen);
    }

    [Fact]
    public async Task A_change_made_after_the_cursor_is_in_the_next_poll()
    {
        var urn = (await server.ApSettingUrnsAsync("901"))[5];
        var own = await server.TokenAsync("901", "AP_STAFF", urn);
        var cursor = await LatestCursorAsync(own);
        var setting = (await server.GetAsync(own, $"/api/v1/ap-settings/{urn}")).Json;

        var put = await server.PutAsync(own, $"/api/v1/ap-settings/{urn}/availability", JsonSerializer.Serialize(new
        {
            fullTimePlaces = setting.GetProperty("fullTimePlaces").GetInt32(),
            sessions = setting.GetProperty("sessions").EnumerateArray().Select(s => new { session = s.GetProperty("session").GetString(), places = s.GetProperty("places").GetInt32() }),
            outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble() + 1,
        }));
        var poll = await server.GetAsync(own, $"/api/v1/changes?after={cursor}&limit=500");

        Assert.Equal(200, put.Status);
        Assert.Contains(poll.Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "CAPACITY" && e.GetProperty("subjectId").GetString() == urn);
        Assert.Equal(poll.Json.GetProperty("entries").EnumerateArray().Last().GetProperty("cursor").GetString(), poll.Json.GetProperty("nextCursor").GetString());
    }

    [Theory]
    [InlineData("SCHOOL_STAFF")]
    [InlineData("PARTNER")]
    public async Task Roles_other_than_the_la_see_capacity_entries_only(string role)
    {
        var world = new PlacementWorld(server, "901");
        var school = (await world.SchoolUrnsAsync())[0];
        var token = await server.TokenAsync("901", role, role == "SCHOOL_STAFF" ? school : null);
        var cursor = await LatestCursorAsync(await world.LaAsync());
        var otherCursor = await LatestCursorAsync(token);
        var pupil = await world.RegisterPupilAsync(school, yearGroup: 5);
        await world.ReferAsync(pupil, school);

        var la = await server.GetAsync(await world.LaAsync(), $"/api/v1/changes?after={cursor}&limit=500");
        var other = await server.GetAsync(token, $"/api/v1/changes?after={otherCursor}&limit=500");

        Assert.Contains(la.Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() != "CAPACITY");
        Assert.All(other.Json.GetProperty("entries").EnumerateArray(), e => Assert.Equal("CAPACITY", e.GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("after=abc", "after")]
    [InlineData("after=-1", "after")]
    public async Task A_bad_limit_or_cursor_is_a_problem_naming_it(string query, string field)
    {
        var response = await server.GetAsync(await server.TokenAsync("901", "PARTNER"), "/api/v1/changes?" + query);

        Assert.Equal(400, response.Status);
        Assert.Equal("VALIDATION", response.ProblemCode);
        Assert.Equal(field, response.ProblemField);
    }

    [Fact]
    public async Task Each_tenant_polls_its_own_feed()
    {
        var urn901 = (await server.ApSettingUrnsAsync("901"))[0];
        var urns902 = await server.ApSettingUrnsAsync("902");

        var feed902 = await server.GetAsync(await server.TokenAsync("902", "PARTNER"), "/api/v1/changes?limit=500");

        Assert.All(feed902.Json.GetProperty("entries").EnumerateArray(), e => Assert.Contains(e.GetProperty("subjectId").GetString(), urns902));
        Assert.DoesNotContain(urn901, urns902);
    }

    private async Task<string> LatestCursorAsync(string token)
    {
        string? after = null;
        while (true)
        {
            var response = await server.GetAsync(token, after is null ? "/api/v1/changes?limit=500" : $"/api/v1/changes?limit=500&after={after}");
            after = response.Json.GetProperty("nextCursor").GetString();
            if (!response.Json.GetProperty("hasMore").GetBoolean()) return after!;
        }
    }
}
