using System.Text.Json;
using ApGrid.Domain;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Api;

/// <summary>Suspensions and permanent exclusions through the running server: day 6, the duty, the flag and who may see them.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class ExclusionApiTests(RunningServerFixture server)
{
    private const string Record = """
        mutation($input: RecordExclusionInput!) { recordExclusion(input: $input) {
          id kind startDate sessions reason reasonCensusCode sixthSchoolDay owedBy lastDay daysCodedE pupil { id } } }
        """;

    private const string Duties = "query($overdueOnly: Boolean) { sixthDayDuties(overdueOnly: $overdueOnly) { exclusionId pupil { id } kind sixthSchoolDay owedBy provisionRecorded overdue } }";

    private static object Permanent(string pupilId, DateOnly start) =>
        new { input = new { pupilId, kind = "PERMANENT_EXCLUSION", startDate = PlacementWorld.Iso(start), reason = "PHYSICAL_ASSAULT_AGAINST_AN_ADULT" } };

    private static List<JsonElement> Rows(GraphQLResponse response)
    {
        Assert.False(response.HasErrors, response.Body);
        return [.. response.Data.GetProperty("sixthDayDuties").EnumerateArray()];
    }

    [Fact]
    public async Task Day_six_is_counted_on_the_school_calendar_across_a_bank_holiday()
    {
        var world = new PlacementWorld(server, "901");
        var schoolUrn = (await world.SchoolUrnsAsync())[^2];
        var pupilId = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8);
        var today = await world.TodayAsync();
        var calendar = await world.CalendarAsync(today.AddDays(-330), schoolUrn);

        // The latest start in the past year whose first six school days have a bank holiday among them.
        var start = Enumerable.Range(1, 330).Select(d => today.AddDays(-d))
            .Where(calendar.IsSchoolDay)
            .First(d => Enumerable.Range(1, calendar.AddSchoolDays(d, 5).DayNumber - d.DayNumber).Select(d.AddDays)
                .Any(x => calendar.Covers(x) && BankHolidays.IsBankHoliday(x) && x.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)));
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);

        var recorded = await server.PostAsync(school, Record, new
        {
            input = new { pupilId, kind = "SUSPENSION", startDate = PlacementWorld.Iso(start), sessions = 12, reason = "PERSISTENT_OR_GENERAL_DISRUPTIVE_BEHAVIOUR" },
        });

        Assert.False(recorded.HasErrors, recorded.Body);
        var exclusion = recorded.Data.GetProperty("recordExclusion");
        var sixth = DateOnly.Parse(exclusion.GetProperty("sixthSchoolDay").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(calendar.AddSchoolDays(start, 5), sixth);
        var weekdays = Enumerable.Range(1, sixth.DayNumber - start.DayNumber).Select(start.AddDays).Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        Assert.True(weekdays > 5, $"{start} to {sixth} should cross a closed weekday");
        Assert.Equal("SCHOOL", exclusion.GetProperty("owedBy").GetString());
        Assert.Equal("DB", exclusion.GetProperty("reasonCensusCode").GetString());
        Assert.Equal(5, exclusion.GetProperty("daysCodedE").GetArrayLength());
    }

    [Fact]
    public async Task An_la_with_no_provision_by_day_six_gets_the_flag_and_one_feed_entry_however_often_the_sweep_runs()
    {
        var world = new PlacementWorld(server, "901");
        var schoolUrn = (await world.SchoolUrnsAsync())[^1];
        var unprovided = await world.RegisterPupilAsync(schoolUrn, yearGroup: 9);
        var provided = await world.RegisterPupilAsync(schoolUrn, yearGroup: 9);
        var la = await world.LaAsync();
        var today = await world.TodayAsync();
        var calendar = await world.CalendarAsync(today, schoolUrn);
        var start = calendar.NextSchoolDayOnOrAfter(today);
        var sixth = calendar.AddSchoolDays(start, 5);
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var excluded = await server.PostAsync(school, Record, Permanent(unprovided, start));
        Assert.False(excluded.HasErrors, excluded.Body);
        var exclusionId = excluded.Data.GetProperty("recordExclusion").GetProperty("id").GetString()!;
        Assert.Equal("LOCAL_AUTHORITY", excluded.Data.GetProperty("recordExclusion").GetProperty("owedBy").GetString());
        var other = await server.PostAsync(la, Record, Permanent(provided, start));
        Assert.False(other.HasErrors, other.Body);
        var providedExclusionId = other.Data.GetProperty("recordExclusion").GetProperty("id").GetString()!;

        // The LA places the second pupil before day 6: a part-time placement from the first day notice allows.
        var referral = await world.ReferAsync(provided, schoolUrn);
        var search = await server.PostAsync(la, "{ apCapacity(filter: { keyStage: KS3, registeredOnly: true }) { setting { urn } } }");
        var urn = search.Data.GetProperty("apCapacity")[0].GetProperty("setting").GetProperty("urn").GetString()!;
        string[] sessions = ["TUE_PM", "THU_PM"];
        await world.EnsureFreeSessionsAsync(urn, sessions);
        var placementStart = await world.AdvancePastNoticeAsync(schoolUrn);
        Assert.True(placementStart <= sixth, $"the placement ({placementStart}) must start by day 6 ({sixth})");
        var placed = await world.StartAsync(referral, urn, placementStart, fullTime: false, sessions);
        Assert.False(placed.HasErrors, placed.Body);

        var before = Rows(await server.PostAsync(la, Duties));
        var row = before.Single(r => r.GetProperty("exclusionId").GetString() == exclusionId);
        Assert.Equal((PlacementWorld.Iso(sixth), "LOCAL_AUTHORITY", false, false), (row.GetProperty("sixthSchoolDay").GetString(), row.GetProperty("owedBy").GetString(), row.GetProperty("provisionRecorded").GetBoolean(), row.GetProperty("overdue").GetBoolean()));
        Assert.True(before.Single(r => r.GetProperty("exclusionId").GetString() == providedExclusionId).GetProperty("provisionRecorded").GetBoolean());

        using var listener = NodeScripts.Start("subscribe.mjs", server.WebSocketUri.ToString(), la,
            "subscription { changes(kinds: [EXCLUSION_DUTY_OVERDUE]) { kind subjectId } }", "1000", "10000");
        await SubscriberOutput.WaitForAsync(listener, "connected");
        await world.AdvanceDaysAsync(sixth.DayNumber - (await world.TodayAsync()).DayNumber);

        // Sweeps run every 2 s while the listener stays: the unprovided exclusion is raised by one of them only.
        var raised = new List<string>();
        while (await SubscriberOutput.ReadNextAsync(listener) is { } message)
        {
            raised.Add(message.GetProperty("value").GetProperty("data").GetProperty("changes").GetProperty("subjectId").GetString()!);
        }

        Assert.Equal(1, raised.Count(s => s == exclusionId));
        Assert.DoesNotContain(providedExclusionId, raised);
        var overdue = Rows(await server.PostAsync(la, Duties, new { overdueOnly = true }));
        Assert.Contains(overdue, r => r.GetProperty("exclusionId").GetString() == exclusionId && r.GetProperty("pupil").GetProperty("id").GetString() == unprovided);
        Assert.DoesNotContain(overdue, r => r.GetProperty("exclusionId").GetString() == providedExclusionId);
        Assert.Contains(Rows(await server.PostAsync(school, Duties, new { overdueOnly = true })), r => r.GetProperty("exclusionId").GetString() == exclusionId);
    }

    [Fact]
    public async Task Only_the_home_school_and_the_la_of_the_tenant_record_exclusions_and_see_the_duties()
    {
        var world = new PlacementWorld(server, "901");
        var schools = await world.SchoolUrnsAsync();
        var pupilId = await world.RegisterPupilAsync(schools[^3], yearGroup: 7);
        var today = await world.TodayAsync();
        var start = (await world.CalendarAsync(today, schools[^3])).NextSchoolDayOnOrAfter(today);
        var setting = (await server.PostAsync(await world.LaAsync(), "{ apCapacity { setting { urn } } }")).Data.GetProperty("apCapacity")[0].GetProperty("setting").GetProperty("urn").GetString()!;
        var strangers = new[]
        {
            await server.TokenAsync("901", "SCHOOL_STAFF", schools[0]),
            await server.TokenAsync("901", "AP_STAFF", setting),
            await server.TokenAsync("901", "PARTNER"),
            await server.TokenAsync("902", "LA_OFFICER"),
        };

        foreach (var stranger in strangers)
        {
            var refused = await server.PostAsync(stranger, Record, Permanent(pupilId, start));
            Assert.Equal("NOT_FOUND", refused.FirstErrorCode);
        }

        var la = await world.LaAsync();
        var untouched = await server.PostAsync(la, "query($id: ID!) { pupil(id: $id) { exclusions { id } } }", new { id = pupilId });
        Assert.Equal(0, untouched.Data.GetProperty("pupil").GetProperty("exclusions").GetArrayLength());

        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schools[^3]);
        var recorded = await server.PostAsync(school, Record, Permanent(pupilId, start));
        Assert.False(recorded.HasErrors, recorded.Body);
        var exclusionId = recorded.Data.GetProperty("recordExclusion").GetProperty("id").GetString()!;

        Assert.Contains(Rows(await server.PostAsync(school, Duties)), r => r.GetProperty("exclusionId").GetString() == exclusionId);
        Assert.Contains(Rows(await server.PostAsync(la, Duties)), r => r.GetProperty("exclusionId").GetString() == exclusionId);
        Assert.DoesNotContain(Rows(await server.PostAsync(strangers[0], Duties)), r => r.GetProperty("exclusionId").GetString() == exclusionId);
        Assert.DoesNotContain(Rows(await server.PostAsync(strangers[3], Duties)), r => r.GetProperty("exclusionId").GetString() == exclusionId);
        Assert.Equal("FORBIDDEN", (await server.PostAsync(strangers[1], Duties)).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await server.PostAsync(strangers[2], Duties)).FirstErrorCode);
        var reinstate = "mutation($id: ID!, $on: Date!) { reinstateExclusion(exclusionId: $id, reinstatedOn: $on) { reinstatedOn } }";
        Assert.Equal("NOT_FOUND", (await server.PostAsync(strangers[0], reinstate, new { id = exclusionId, on = PlacementWorld.Iso(start) })).FirstErrorCode);

        // Over a WebSocket the same lines hold: AP staff are refused the list, another school sees no row of this pupil and may not record.
        var (_, apRefusal) = await OverSocketAsync(strangers[1], "{ sixthDayDuties { exclusionId } }");
        Assert.Equal("FORBIDDEN", apRefusal);
        var (otherSchoolRows, _) = await OverSocketAsync(strangers[0], "{ sixthDayDuties { exclusionId } }");
        Assert.DoesNotContain(otherSchoolRows!.Value.GetProperty("sixthDayDuties").EnumerateArray(), r => r.GetProperty("exclusionId").GetString() == exclusionId);
        var (_, recordRefusal) = await OverSocketAsync(strangers[0], Record, Permanent(pupilId, start));
        Assert.Equal("NOT_FOUND", recordRefusal);

        var stillOne = await server.PostAsync(la, "query($id: ID!) { pupil(id: $id) { exclusions { id reinstatedOn } } }", new { id = pupilId });
        Assert.Equal(1, stillOne.Data.GetProperty("pupil").GetProperty("exclusions").GetArrayLength());
    }

    /// <summary>One operation through the graphql-ws client: its data, or the code of its first error.</summary>
    private async Task<(JsonElement? Data, string? ErrorCode)> OverSocketAsync(string token, string query, object? variables = null)
    {
        using var client = NodeScripts.Start(
            "subscribe.mjs", [server.WebSocketUri.ToString(), token, query, "1", "10000", .. variables is null ? Array.Empty<string>() : [JsonSerializer.Serialize(variables)]]);
        while (await client.StandardOutput.ReadLineAsync() is { } line)
        {
            var message = JsonDocument.Parse(line).RootElement.Clone();
            switch (message.GetProperty("event").GetString())
            {
                case "next" when message.GetProperty("value").TryGetProperty("errors", out var errors):
                    return (null, errors[0].GetProperty("extensions").GetProperty("code").GetString());
                case "next":
                    return (message.GetProperty("value").GetProperty("data"), null);
                case "error":
                    return (null, message.GetProperty("error")[0].GetProperty("extensions").GetProperty("code").GetString());
                case "done":
                    throw new InvalidOperationException(line);
            }
        }

        throw new InvalidOperationException("the client exited without an answer");
    }
}
