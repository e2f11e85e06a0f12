using System.Text.Json;
using ApGrid.Domain;

namespace ApGrid.Server.Tests.Api;

/// <summary>
/// One pupil walked from Reception to past Year 11 through the API, on a Development clock moved on
/// twelve academic years: the year group, key stage, journey limit and settings that may take the
/// pupil follow the date, a placement across 1 September counts from one year group to the next, and
/// the placement still active at the school leaving date is ended on that date.
/// </summary>
[Collection(LongClockCollection.Name)]
public sealed class SchoolYearsWalkTests(LongClockServerFixture server)
{
    private const string Tenant = "902";

    private const string PupilQuery = """
        query($id: ID!) { pupil(id: $id) { yearGroup keyStage schoolLeavingDate currentPlacement { id }
          placements { id status endDate outcome yearGroupAtStart yearGroupAtEnd } } }
        """;

    [Fact]
    public async Task A_pupil_moves_up_a_year_every_September_and_leaves_AP_at_the_school_leaving_date()
    {
        var world = new PlacementWorld(server, Tenant);
        var la = await world.LaAsync();
        var settings = await SettingsAsync(la);
        var school = (await world.SchoolUrnsAsync())[0];
        var today = await world.TodayAsync();

        // Born in the autumn five years before this academic year: in Reception now.
        var pupilId = await world.RegisterPupilAsync(school, yearGroup: 0);
        var leavingDate = SchoolYear.CompulsorySchoolAgeEnds(SchoolYear.AcademicYearStart(today).AddYears(-5).AddDays(100));
        var pupil = await PupilAsync(la, pupilId);
        Assert.Equal(0, pupil.GetProperty("yearGroup").GetInt32());
        Assert.Equal("EYFS", pupil.GetProperty("keyStage").GetString());
        Assert.Equal(PlacementWorld.Iso(leavingDate), pupil.GetProperty("schoolLeavingDate").GetString());
        await AssertEligibleSettingsAsync(la, "EYFS", settings);

        bool? overMaximumInPrimary = null;
        string? openReferral = null;
        string? farSetting = null;
        for (var year = 1; year <= 11; year++)
        {
            // The day before 1 September the year group has not moved; on the day it has.
            today = await world.AdvanceDaysAsync(SchoolYear.AcademicYearStart(today).AddYears(1).DayNumber - today.DayNumber - 1);
            Assert.Equal(year - 1, (await PupilAsync(la, pupilId)).GetProperty("yearGroup").GetInt32());
            today = await world.AdvanceDaysAsync(1);
            pupil = await PupilAsync(la, pupilId);
            Assert.Equal(year, pupil.GetProperty("yearGroup").GetInt32());
            var keyStage = pupil.GetProperty("keyStage").GetString()!;
            Assert.Equal(year switch { <= 2 => "KS1", <= 6 => "KS2", <= 9 => "KS3", _ => "KS4" }, keyStage);
            await AssertEligibleSettingsAsync(la, keyStage, settings);

            if (year == 6)
            {
                // A journey between the primary and secondary maxima is flagged in Year 6 and not in Year 7.
                var near = await NearPupilAsync(la, pupilId);
                var between = near.FirstOrDefault(m => m.GetProperty("travelMinutes").GetInt32() is > 45 and <= 75);
                Assert.True(between.ValueKind == JsonValueKind.Object, "the rural demo tenant has a setting 46 to 75 minutes away");
                farSetting = between.GetProperty("setting").GetProperty("urn").GetString();
                overMaximumInPrimary = between.GetProperty("overUsualMaximum").GetBoolean();

                // A placement started in Year 6 runs across 1 September.
                // A registered one: the demo's non-school providers' approvals have lapsed years into the walk.
                var registered = await server.PostAsync(la, "{ localAuthority { apSettings { urn registered } } }");
                var registeredUrns = registered.Data.GetProperty("localAuthority").GetProperty("apSettings").EnumerateArray()
                    .Where(s => s.GetProperty("registered").GetBoolean()).Select(s => s.GetProperty("urn").GetString()!).ToHashSet();
                var apUrn = settings.First(s => s.Value.Contains("KS2") && registeredUrns.Contains(s.Key)).Key;
                await world.EnsureFreeSessionsAsync(apUrn, "MON_AM", "TUE_AM");
                var referralId = await world.ReferAsync(pupilId, school);
                var started = await world.StartAsync(referralId, apUrn, today.AddDays(7), fullTime: false, ["MON_AM", "TUE_AM"]);
                Assert.False(started.HasErrors, started.Body);
            }

            if (year == 7)
            {
                Assert.True(overMaximumInPrimary);
                var near = await NearPupilAsync(la, pupilId);
                Assert.False(near.Single(m => m.GetProperty("setting").GetProperty("urn").GetString() == farSetting).GetProperty("overUsualMaximum").GetBoolean());

                var countBefore = await StaysAsync(la, 6, 7);
                var placementId = pupil.GetProperty("currentPlacement").GetProperty("id").GetString()!;
                var ended = await server.PostAsync(la, """
                    mutation($id: ID!, $on: Date!) { endPlacement(input: { placementId: $id, endDate: $on, outcome: RETURNED_TO_MAINSTREAM }) { yearGroupAtStart yearGroupAtEnd } }
                    """, new { id = placementId, on = PlacementWorld.Iso(today) });
                Assert.False(ended.HasErrors, ended.Body);
                Assert.Equal(6, ended.Data.GetProperty("endPlacement").GetProperty("yearGroupAtStart").GetInt32());
                Assert.Equal(7, ended.Data.GetProperty("endPlacement").GetProperty("yearGroupAtEnd").GetInt32());
                await Eventually(async () => await StaysAsync(la, 6, 7) == countBefore + 1, "the LA's length of stay counts the pupil from Year 6 to Year 7");

                // A setting that serves only primary pupils cannot take them now.
                if (settings.FirstOrDefault(s => s.Value.Contains("KS2") && !s.Value.Contains("KS3")).Key is { } primaryOnly)
                {
                    await world.EnsureFreeSessionsAsync(primaryOnly, "WED_AM");
                    openReferral = await world.ReferAsync(pupilId, school);
                    var refused = await world.StartAsync(openReferral, primaryOnly, today.AddDays(7), fullTime: false, ["WED_AM"]);
                    Assert.Equal("VALIDATION", refused.FirstErrorCode);
                    Assert.Equal("apUrn", refused.FirstErrorField);
                    Assert.Contains("does not serve KS3 pupils", refused.Body, StringComparison.Ordinal);
                }
            }
        }

        // Year 11: a placement planned to the leaving date, still active when it comes.
        var ks4Setting = settings.First(s => s.Value.Contains("KS4")).Key;
        await world.EnsureFreeSessionsAsync(ks4Setting, "THU_AM", "FRI_AM");
        var lastReferral = openReferral ?? await world.ReferAsync(pupilId, school);
        var beyond = await StartAsync(la, lastReferral, ks4Setting, today.AddDays(7), leavingDate.AddDays(1));
        Assert.Equal("plannedEndDate", beyond.FirstErrorField);
        var last = await StartAsync(la, lastReferral, ks4Setting, today.AddDays(7), leavingDate);
        Assert.False(last.HasErrors, last.Body);

        today = await world.AdvanceDaysAsync(leavingDate.DayNumber - today.DayNumber);
        JsonElement final = default;
        await Eventually(async () =>
        {
            final = await PupilAsync(la, pupilId);
            return final.GetProperty("currentPlacement").ValueKind == JsonValueKind.Null;
        }, "the leaving-date sweep ends the placement");
        var endedAtLeaving = final.GetProperty("placements").EnumerateArray().Last();
        Assert.Equal("REACHED_SCHOOL_LEAVING_AGE", endedAtLeaving.GetProperty("outcome").GetString());
        Assert.Equal(PlacementWorld.Iso(leavingDate), endedAtLeaving.GetProperty("endDate").GetString());
        Assert.Equal(11, endedAtLeaving.GetProperty("yearGroupAtEnd").GetInt32());

        // Past Year 11 the pupil is post-16: no placement may start.
        today = await world.AdvanceDaysAsync(SchoolYear.AcademicYearStart(today).AddYears(1).DayNumber - today.DayNumber);
        pupil = await PupilAsync(la, pupilId);
        Assert.Equal(12, pupil.GetProperty("yearGroup").GetInt32());
        Assert.Equal("POST_16", pupil.GetProperty("keyStage").GetString());
        var afterLeaving = await world.ReferAsync(pupilId, school);
        var tooLate = await StartAsync(la, afterLeaving, ks4Setting, today.AddDays(7), today.AddDays(30));
        Assert.Equal("startDate", tooLate.FirstErrorField);
    }

    private async Task<JsonElement> PupilAsync(string token, string pupilId)
    {
        var response = await server.PostAsync(token, PupilQuery, new { id = pupilId });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("pupil");
    }

    private async Task<Dictionary<string, string[]>> SettingsAsync(string token)
    {
        var response = await server.PostAsync(token, "{ localAuthority { apSettings { urn keyStages } } }");
        return response.Data.GetProperty("localAuthority").GetProperty("apSettings").EnumerateArray().ToDictionary(
            s => s.GetProperty("urn").GetString()!, s => s.GetProperty("keyStages").EnumerateArray().Select(k => k.GetString()!).ToArray());
    }

    /// <summary>The settings a search for the pupil's key stage offers are exactly those that serve it.</summary>
    private async Task AssertEligibleSettingsAsync(string token, string keyStage, Dictionary<string, string[]> settings)
    {
        var response = await server.PostAsync(token, "query($ks: KeyStage!) { apCapacity(filter: { keyStage: $ks }) { setting { urn } } }", new { ks = keyStage });
        Assert.False(response.HasErrors, response.Body);
        var offered = response.Data.GetProperty("apCapacity").EnumerateArray().Select(m => m.GetProperty("setting").GetProperty("urn").GetString()!).Order().ToArray();
        Assert.Equal(settings.Where(s => s.Value.Contains(keyStage)).Select(s => s.Key).Order().ToArray(), offered);
    }

    private async Task<List<JsonElement>> NearPupilAsync(string token, string pupilId)
    {
        var response = await server.PostAsync(token, "query($p: ID!) { apCapacity(filter: { nearPupil: $p }) { setting { urn } travelMinutes overUsualMaximum } }", new { p = pupilId });
        Assert.False(response.HasErrors, response.Body);
        return [.. response.Data.GetProperty("apCapacity").EnumerateArray()];
    }

    /// <summary>Pupils counted from <paramref name="first"/> to <paramref name="last"/> in the LA's length-of-stay table (LA officers see exact figures).</summary>
    private async Task<int> StaysAsync(string token, int first, int last)
    {
        var response = await server.PostAsync(token, "{ report { lengthOfStay { firstYearGroup pupils lastYearGroupShares { yearGroup percent } } } }");
        Assert.False(response.HasErrors, response.Body);
        foreach (var row in response.Data.GetProperty("report").GetProperty("lengthOfStay").EnumerateArray())
        {
            if (row.GetProperty("firstYearGroup").GetInt32() != first) continue;
            var pupils = row.GetProperty("pupils").GetInt32();
            foreach (var share in row.GetProperty("lastYearGroupShares").EnumerateArray())
            {
                if (share.GetProperty("yearGroup").GetInt32() == last) return (int)Math.Round(pupils * share.GetProperty("percent").GetDouble() / 100);
            }
        }

        return 0;
    }

    private Task<GraphQLResponse> StartAsync(string token, string referralId, string apUrn, DateOnly start, DateOnly plannedEnd) =>
        server.PostAsync(token, """
            mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id } }
            """, new
        {
            input = new
            {
                referralId,
                apUrn,
                startDate = PlacementWorld.Iso(start),
                plannedEndDate = PlacementWorld.Iso(plannedEnd),
                fullTime = false,
                sessions = new[] { "THU_AM", "FRI_AM" },
                objectives = new[] { "Complete Year 11 with a post-16 place agreed" },
                reviewEveryWeeks = 6,
            },
        });

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            if (await condition()) return;
            await Task.Delay(250);
        }

        Assert.Fail($"Timed out waiting until {what}.");
    }
}
