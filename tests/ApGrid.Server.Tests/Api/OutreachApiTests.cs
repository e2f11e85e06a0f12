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

    [Fact]
    public async Task A_school_asks_the_LA_allocates_and_the_chosen_setting_sees_it()
    {
        var world = new PlacementWorld(server, "901");
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[2];
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 3);

        // Many suspensions put it first in the round, so it is allocated whatever else is waiting.
        var requested = await server.PostAsync(school, Request, new { input = Input(schoolUrn, pupil, suspensions: 60, hours: 1, await world.TodayAsync()) });
        Assert.False(requested.HasErrors, requested.Body);
        var request = requested.Data.GetProperty("requestOutreach");
        var requestId = request.GetProperty("id").GetString()!;
        Assert.Equal(pupil, request.GetProperty("pupil").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("allocation").ValueKind);

        var schoolBoard = (await server.PostAsync(school, Board)).Data.GetProperty("outreach");
        Assert.All(schoolBoard.GetProperty("open").EnumerateArray(), r => Assert.Equal(schoolUrn, r.GetProperty("school").GetProperty("urn").GetString()));
        Assert.Contains(requestId, schoolBoard.GetProperty("open").EnumerateArray().Select(r => r.GetProperty("id").GetString()));

        var round = await server.PostAsync(la, "mutation { allocateOutreach { request { id } setting { urn outreachHoursFree } hoursPerWeek } }");
        Assert.False(round.HasErrors, round.Body);
        var mine = round.Data.GetProperty("allocateOutreach").EnumerateArray().Single(a => a.GetProperty("request").GetProperty("id").GetString() == requestId);
        Assert.Equal(1.0, mine.GetProperty("hoursPerWeek").GetDouble());
        Assert.All(round.Data.GetProperty("allocateOutreach").EnumerateArray(), a => Assert.True(a.GetProperty("setting").GetProperty("outreachHoursFree").GetDouble() >= 0));
        var settingUrn = mine.GetProperty("setting").GetProperty("urn").GetString()!;

        // Allocating changed the named pupil's request: the audit trail has it as a change by the LA.
        var trail = await server.PostAsync(la, "query($id: ID!) { auditTrail(pupilId: $id, first: 100) { entries { action role what } } }", new { id = pupil });
        Assert.Contains(trail.Data.GetProperty("auditTrail").GetProperty("entries").EnumerateArray(), e =>
            e.GetProperty("action").GetString() == "CHANGE" && e.GetProperty("role").GetString() == "LA_OFFICER"
            && e.GetProperty("what").EnumerateArray().Any(w => w.GetString() == "Mutation.allocateOutreach"));

        var apStaff = await server.TokenAsync("901", "AP_STAFF", settingUrn);
        var apBoard = (await server.PostAsync(apStaff, Board)).Data.GetProperty("outreach");
        Assert.Empty(apBoard.GetProperty("open").EnumerateArray());
        Assert.Contains(requestId, apBoard.GetProperty("allocated").EnumerateArray().Select(a => a.GetProperty("request").GetProperty("id").GetString()));
        Assert.All(apBoard.GetProperty("allocated").EnumerateArray(), a => Assert.Equal(settingUrn, a.GetProperty("setting").GetProperty("urn").GetString()));

        // Nobody gets more hours than they published, and the report counts what the settings carry.
        var laBoard = (await server.PostAsync(la, Board)).Data.GetProperty("outreach");
        Assert.True(laBoard.GetProperty("hoursAllocated").GetDouble() <= laBoard.GetProperty("hoursAvailable").GetDouble());
        var report = (await server.PostAsync(la, "{ report { outreachHoursAllocated } }")).Data.GetProperty("report");
        Assert.Equal(laBoard.GetProperty("hoursAllocated").GetDouble(), report.GetProperty("outreachHoursAllocated").GetDouble(), 3);
        var capacity = (await server.PostAsync(la, "{ localAuthority { apSettings { outreachHoursPerWeek outreachHoursFree } } }")).Data
            .GetProperty("localAuthority").GetProperty("apSettings").EnumerateArray().ToList();
        Assert.All(capacity, s => Assert.InRange(s.GetProperty("outreachHoursFree").GetDouble(), 0, s.GetProperty("outreachHoursPerWeek").GetDouble()));
    }

    [Fact]
    public async Task Partners_and_special_schools_do_not_see_the_board_and_schools_ask_only_for_themselves()
    {
        var world = new PlacementWorld(server, "902");
        var schools = await world.SchoolUrnsAsync();
        var school = await server.TokenAsync("902", "SCHOOL_STAFF", schools[0]);
        var today = await world.TodayAsync();

        Assert.Equal("FORBIDDEN", (await server.PostAsync(await server.TokenAsync("902", "PARTNER"), Board)).FirstErrorCode);
        var specialUrn = (await server.PostAsync(await world.LaAsync(), "{ localAuthority { specialSchools { urn } } }"))
            .Data.GetProperty("localAuthority").GetProperty("specialSchools")[0].GetProperty("urn").GetString()!;
        Assert.Equal("FORBIDDEN", (await server.PostAsync(await server.TokenAsync("902", "SPECIAL_SCHOOL_STAFF", specialUrn), Board)).FirstErrorCode);

        var forAnother = await server.PostAsync(school, Request, new { input = Input(schools[1], null, 1, 2, today) });
        Assert.Equal("FORBIDDEN", forAnother.FirstErrorCode);
        var otherPupil = await world.RegisterPupilAsync(schools[1], yearGroup: 8);
        var notTheirPupil = await server.PostAsync(school, Request, new { input = Input(schools[0], otherPupil, 1, 2, today) });
        Assert.Equal(("NOT_FOUND", "pupilId"), (notTheirPupil.FirstErrorCode, notTheirPupil.FirstErrorField));
        var laWrongSchool = await server.PostAsync(await world.LaAsync(), Request, new { input = Input(schools[0], otherPupil, 1, 2, today) });
        Assert.Equal(("VALIDATION", "pupilId"), (laWrongSchool.FirstErrorCode, laWrongSchool.FirstErrorField));
        Assert.Equal("FORBIDDEN", (await server.PostAsync(school, "mutation { allocateOutreach { hoursPerWeek } }")).FirstErrorCode);
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
