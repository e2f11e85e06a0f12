using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Security;

/// <summary>
/// Dates held to a range for their meaning (DateRanges): a far start is a field error, not a crash;
/// a waiting-list date in year one cannot put a pupil first; backdating beyond the window
/// (`Dates:BackdateDays`, 14) is the LA's.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class DateRangeTests(RunningServerFixture server)
{
    private const string Add = """
        mutation($input: AddToWaitingListInput!) { addToWaitingList(input: $input) { id position } }
        """;

    [Fact]
    public async Task A_placement_starting_in_year_9999_is_refused_naming_startDate()
    {
        var world = new PlacementWorld(server, "901");
        var schoolUrn = (await world.SchoolUrnsAsync())[0];
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8);
        var referral = await world.ReferAsync(pupil, schoolUrn);
        var apUrn = await world.SettingAsync(school: false, "KS3");

        var response = await world.StartAsync(referral, apUrn, new DateOnly(9999, 1, 4), fullTime: false, ["MON_AM"]);

        Assert.Equal(("VALIDATION", "startDate"), (response.FirstErrorCode, response.FirstErrorField));
        Assert.Contains("a year from today", response.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_school_cannot_start_a_placement_backdated_beyond_the_window()
    {
        var world = new PlacementWorld(server, "901");
        var schoolUrn = (await world.SchoolUrnsAsync())[^1];
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8);
        var apUrn = await world.SettingAsync(school: false, "KS3");
        var today = await world.TodayAsync();

        var response = await world.ArrangeAsync(school, PlacementWorld.Arrangement(pupil, "OFF_SITE_DIRECTION", apUrn, today.AddDays(-15), ["MON_AM"],
            notice: PlacementWorld.Notice(today.AddDays(-20))));

        Assert.Equal(("FORBIDDEN", "startDate"), (response.FirstErrorCode, response.FirstErrorField));
        Assert.Contains("only the LA may backdate", response.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_waiting_list_date_in_year_one_is_refused_even_for_the_la_and_a_school_backdates_only_days()
    {
        var world = new PlacementWorld(server, "901");
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[0];
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 6, sen: "EHC_PLAN");
        var special = (await server.PostAsync(la, "{ localAuthority { specialSchools { urn } } }")).Data
            .GetProperty("localAuthority").GetProperty("specialSchools")[0].GetProperty("urn").GetString()!;
        var today = await world.TodayAsync();

        var yearOne = await server.PostAsync(la, Add, new { input = new { pupilId = pupil, specialSchoolUrn = special, addedOn = "0001-01-01" } });
        var backdated = await server.PostAsync(school, Add, new { input = new { pupilId = pupil, specialSchoolUrn = special, addedOn = PlacementWorld.Iso(today.AddDays(-30)) } });

        Assert.Equal(("VALIDATION", "addedOn"), (yearOne.FirstErrorCode, yearOne.FirstErrorField));
        Assert.Equal(("FORBIDDEN", "addedOn"), (backdated.FirstErrorCode, backdated.FirstErrorField));
        var list = await server.PostAsync(la, "query($urn: String!) { specialSchool(urn: $urn) { waitingList { pupil { id } } } }", new { urn = special });
        Assert.DoesNotContain(list.Data.GetProperty("specialSchool").GetProperty("waitingList").EnumerateArray(), e => e.GetProperty("pupil").GetProperty("id").GetString() == pupil);
    }
}
