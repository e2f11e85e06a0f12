using System.Text.Json;

namespace ApGrid.Server.Tests.Api;

/// <summary>Outreach requests and allocation through the API, with the roles of the contract.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class OutreachApiTests(RunningServerFixture server)
{
    private const string Request = """
        mutation($input: RequestOutreachInput!) { requestOutreach(input: $input) { id school { urn } pupil { id } hoursRequested allocation { hoursPerWeek } } }
        """;

    private const string Board = """
        { outreach { hoursAvailable hoursAllocated open { id school { urn } } allocated { request { id } setting { urn outreachHoursFree } hoursPerWeek startsOn } } }
        """;

    /// <summary>The smoke journey: a school asks, the LA's round allocates, the chosen setting sees it.</summary>
    [Fact]
    public async Task A_school_asks_the_LA_allocates_and_the_chosen_setting_sees_it()
    {
        var (la, _, _, requestId) = await RequestedAsync();

        var (mine, settingUrn) = await AllocatedAsync(la, requestId);

        Assert.Equal(1.0, mine.GetProperty("hoursPerWeek").GetDouble());
        var apStaff = await server.TokenAsync("901", "AP_STAFF", settingUrn);
        var apBoard = (await server.PostAsync(apStaff, Board)).Data.GetProperty("outreach");
        Assert.Empty(apBoard.GetProperty("open").EnumerateArray());
        Assert.Contains(requestId, apBoard.GetProperty("allocated").EnumerateArray().Select(a => a.GetProperty("request").GetProperty("id").GetString()));
        Assert.All(apBoard.GetProperty("allocated").EnumerateArray(), a => Assert.Equal(settingUrn, a.GetProperty("setting").GetProperty("urn").GetString()));
    }

    [Fact]
    public async Task A_schools_request_names_its_pupil_waits_unallocated_and_shows_only_on_its_own_board()
    {
        var world = new PlacementWorld(server, "901");
        var schoolUrn = (await world.SchoolUrnsAsync())[2];
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 3);

        var requested = await server.PostAsync(school, Request, new { input = Input(schoolUrn, pupil, suspensions: 1, hours: 1, await world.TodayAsync()) });

        Assert.False(requested.HasErrors, requested.Body);
        var request = requested.Data.GetProperty("requestOutreach");
        Assert.Equal(pupil, request.GetProperty("pupil").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("allocation").ValueKind);
        var schoolBoard = (await server.PostAsync(school, Board)).Data.GetProperty("outreach");
        Assert.All(schoolBoard.GetProperty("open").EnumerateArray(), r => Assert.Equal(schoolUrn, r.GetProperty("school").GetProperty("urn").GetString()));
        Assert.Contains(request.GetProperty("id").GetString(), schoolBoard.GetProperty("open").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task An_allocation_round_never_takes_a_setting_below_zero_free_hours()
    {
        var (la, _, _, requestId) = await RequestedAsync();

        var round = await server.PostAsync(la, "mutation { allocateOutreach { request { id } setting { urn outreachHoursFree } hoursPerWeek } }");

        Assert.False(round.HasErrors, round.Body);
        Assert.Contains(requestId, round.Data.GetProperty("allocateOutreach").EnumerateArray().Select(a => a.GetProperty("request").GetProperty("id").GetString()));
        Assert.All(round.Data.GetProperty("allocateOutreach").EnumerateArray(), a => Assert.True(a.GetProperty("setting").GetProperty("outreachHoursFree").GetDouble() >= 0));
    }

    [Fact]
    public async Task An_allocation_is_in_the_pupils_audit_trail_as_a_change_by_the_LA()
    {
        var (la, _, pupil, requestId) = await RequestedAsync();

        await AllocatedAsync(la, requestId);

        var trail = await server.PostAsync(la, "query($id: ID!) { auditTrail(pupilId: $id, first: 100) { entries { action role what } } }", new { id = pupil });
        Assert.Contains(trail.Data.GetProperty("auditTrail").GetProperty("entries").EnumerateArray(), e =>
            e.GetProperty("action").GetString() == "CHANGE" && e.GetProperty("role").GetString() == "LA_OFFICER"
            && e.GetProperty("what").EnumerateArray().Any(w => w.GetString() == "Mutation.allocateOutreach"));
    }

    [Fact]
    public async Task The_LA_board_never_allocates_more_than_is_published_and_the_report_counts_the_same()
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");

        var laBoard = (await server.PostAsync(la, Board)).Data.GetProperty("outreach");
        var report = (await server.PostAsync(la, "{ report { outreachHoursAllocated } }")).Data.GetProperty("report");
        var capacity = (await server.PostAsync(la, "{ localAuthority { apSettings { outreachHoursPerWeek outreachHoursFree } } }")).Data
            .GetProperty("localAuthority").GetProperty("apSettings").EnumerateArray().ToList();

        Assert.True(laBoard.GetProperty("hoursAllocated").GetDouble() <= laBoard.GetProperty("hoursAvailable").GetDouble());
        Assert.Equal(laBoard.GetProperty("hoursAllocated").GetDouble(), report.GetProperty("outreachHoursAllocated").GetDouble(), 3);
        Assert.All(capacity, s => Assert.InRange(s.GetProperty("outreachHoursFree").GetDouble(), 0, s.GetProperty("outreachHoursPerWeek").GetDouble()));
    }

    [Theory]
    [InlineData("PARTNER")]
    [InlineData("SPECIAL_SCHOOL_STAFF")]
    public async Task Partners_and_special_schools_do_not_see_the_board(string role)
    {
        var world = new PlacementWorld(server, "902");
        var specialUrn = (await server.PostAsync(await world.LaAsync(), "{ localAuthority { specialSchools { urn } } }"))
            .Data.GetProperty("localAuthority").GetProperty("specialSchools")[0].GetProperty("urn").GetString()!;

        var board = await server.PostAsync(await server.TokenAsync("902", role, role == "PARTNER" ? null : specialUrn), Board);

        Assert.Equal("FORBIDDEN", board.FirstErrorCode);
    }

    [Fact]
    public async Task A_school_may_not_ask_for_another_school()
    {
        var world = new PlacementWorld(server, "902");
        var schools = await world.SchoolUrnsAsync();
        var school = await server.TokenAsync("902", "SCHOOL_STAFF", schools[0]);

        var forAnother = await server.PostAsync(school, Request, new { input = Input(schools[1], null, 1, 2, await world.TodayAsync()) });

        Assert.Equal("FORBIDDEN", forAnother.FirstErrorCode);
    }

    [Fact]
    public async Task A_school_may_not_ask_for_a_pupil_of_another_school()
    {
        var world = new PlacementWorld(server, "902");
        var schools = await world.SchoolUrnsAsync();
        var school = await server.TokenAsync("902", "SCHOOL_STAFF", schools[0]);
        var otherPupil = await world.RegisterPupilAsync(schools[1], yearGroup: 8);

        var notTheirPupil = await server.PostAsync(school, Request, new { input = Input(schools[0], otherPupil, 1, 2, await world.TodayAsync()) });

        Assert.Equal(("NOT_FOUND", "pupilId"), (notTheirPupil.FirstErrorCode, notTheirPupil.FirstErrorField));
    }

    [Fact]
    public async Task The_LA_may_not_ask_for_a_school_on_behalf_of_a_pupil_at_another()
    {
        var world = new PlacementWorld(server, "902");
        var schools = await world.SchoolUrnsAsync();
        var otherPupil = await world.RegisterPupilAsync(schools[1], yearGroup: 8);

        var laWrongSchool = await server.PostAsync(await world.LaAsync(), Request, new { input = Input(schools[0], otherPupil, 1, 2, await world.TodayAsync()) });

        Assert.Equal(("VALIDATION", "pupilId"), (laWrongSchool.FirstErrorCode, laWrongSchool.FirstErrorField));
    }

    [Fact]
    public async Task A_school_may_not_run_an_allocation_round()
    {
        var world = new PlacementWorld(server, "902");
        var school = await server.TokenAsync("902", "SCHOOL_STAFF", (await world.SchoolUrnsAsync())[0]);

        var round = await server.PostAsync(school, "mutation { allocateOutreach { hoursPerWeek } }");

        Assert.Equal("FORBIDDEN", round.FirstErrorCode);
    }

    [Theory]
    [InlineData(1.25, 1, 0, "hoursRequested")]
    [InlineData(0, 1, 0, "hoursRequested")]
    [InlineData(2, -1, 0, "suspensionsThisTerm")]
    [InlineData(2, 1, 3, "requestedOn")]
    public async Task Bad_input_names_the_field_and_adds_nothing(double hours, int suspensions, int daysAhead, string field)
    {
        var world = new PlacementWorld(server, "902");
        var schoolUrn = (await world.SchoolUrnsAsync())[5];
        var school = await server.TokenAsync("902", "SCHOOL_STAFF", schoolUrn);
        var before = (await server.PostAsync(school, Board)).Data.GetProperty("outreach").GetProperty("open").GetArrayLength();

        var refused = await server.PostAsync(school, Request, new { input = Input(schoolUrn, null, suspensions, hours, (await world.TodayAsync()).AddDays(daysAhead)) });

        Assert.Equal(("VALIDATION", field), (refused.FirstErrorCode, refused.FirstErrorField));
        Assert.Equal(before, (await server.PostAsync(school, Board)).Data.GetProperty("outreach").GetProperty("open").GetArrayLength());
    }

    /// <summary>
    /// In tenant 901: a one-hour request for a pupil of school [2]. Many suspensions put it first in
    /// the next round, so it is allocated whatever else is waiting.
    /// </summary>
    private async Task<(string La, string School, string Pupil, string RequestId)> RequestedAsync()
    {
        var world = new PlacementWorld(server, "901");
        var schoolUrn = (await world.SchoolUrnsAsync())[2];
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 3);
        var requested = await server.PostAsync(school, Request, new { input = Input(schoolUrn, pupil, suspensions: 60, hours: 1, await world.TodayAsync()) });
        Assert.False(requested.HasErrors, requested.Body);
        return (await world.LaAsync(), school, pupil, requested.Data.GetProperty("requestOutreach").GetProperty("id").GetString()!);
    }

    /// <summary>Runs an allocation round and returns this request's allocation and the setting it went to.</summary>
    private async Task<(JsonElement Allocation, string SettingUrn)> AllocatedAsync(string la, string requestId)
    {
        var round = await server.PostAsync(la, "mutation { allocateOutreach { request { id } setting { urn outreachHoursFree } hoursPerWeek } }");
        Assert.False(round.HasErrors, round.Body);
        var mine = round.Data.GetProperty("allocateOutreach").EnumerateArray().Single(a => a.GetProperty("request").GetProperty("id").GetString() == requestId);
        return (mine.Clone(), mine.GetProperty("setting").GetProperty("urn").GetString()!);
    }

    private static object Input(string schoolUrn, string? pupilId, int suspensions, double hours, DateOnly requestedOn) => new
    {
        schoolUrn,
        pupilId,
        reason = "Escalating incidents at lunchtime",
        suspensionsThisTerm = suspensions,
        hoursRequested = hours,
        requestedOn = PlacementWorld.Iso(requestedOn),
    };
}
