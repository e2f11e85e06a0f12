using System.Text.Json;
using ApGrid.Domain;

namespace ApGrid.Server.Tests.Api;

/// <summary>
/// Ten academic years of server clock: this server is nobody else's, so its clock can run on.
/// </summary>
[CollectionDefinition(Name)]
public sealed class Table5ServerCollection : ICollectionFixture<RunningServerFixture>
{
    public const string Name = "table 5 server";
}

/// <summary>
/// The DfE study's Table 5 (Appendix D, "Length of time primary-age pupils stay in state-funded
/// AP, by the year they started and left AP") built pupil by pupil through the API and read back
/// from the report. Every pupil enters state-funded AP in one academic year in Years 2 to 6 and
/// leaves it, each in the year group the table says, as the clock walks to their Year 11.
/// </summary>
[Collection(Table5ServerCollection.Name)]
public sealed class Table5ReproductionTests(RunningServerFixture server)
{
    private const string Tenant = "902";

    private const int PupilsPerSecond = 25;

    /// <summary>First year group in AP → (published row size, last year group in AP → published percentage). "n/a" cells are absent.</summary>
    private static readonly Dictionary<int, (int Pupils, Dictionary<int, int> Percent)> Published = new()
    {
        [2] = (87, new() { [2] = 76, [3] = 11, [4] = 5, [6] = 6, [11] = 2 }),
        [3] = (86, new() { [3] = 56, [4] = 20, [5] = 8, [6] = 5, [7] = 1, [8] = 1, [11] = 9 }),
        [4] = (117, new() { [4] = 62, [5] = 13, [6] = 14, [7] = 1, [8] = 1, [9] = 1, [10] = 2, [11] = 8 }),
        [5] = (159, new() { [5] = 44, [6] = 35, [7] = 2, [8] = 3, [9] = 2, [10] = 1, [11] = 14 }),
        [6] = (173, new() { [6] = 69, [7] = 8, [8] = 5, [9] = 5, [10] = 1, [11] = 13 }),
    };

    private const string ReportQuery = """
        query($cohort: Int, $type: ApType) { report(entryCohort: $cohort, apType: $type) {
          entryCohort apType
          lengthOfStay { firstYearGroup pupils lastYearGroupShares { yearGroup percent } }
          ongoingStays { firstYearGroup pupils } } }
        """;

    [Fact]
    public async Task The_studys_table_5_comes_back_for_its_entry_cohort_in_state_funded_ap()
    {
        var counts = Published.ToDictionary(r => r.Key, r => Cells(r.Value.Pupils, r.Value.Percent));
        var world = new PlacementWorld(server, Tenant);
        var la = await world.LaAsync();
        var schools = await world.SchoolUrnsAsync();

        // The cohort enters AP in the next academic year, so no demo placement is in it.
        var today = await world.TodayAsync();
        var cohort = SchoolYear.AcademicYearStart(today).Year + 1;
        today = await MoveToAsync(world, MondayOnOrAfter(new DateOnly(cohort, 9, 15)));

        var settings = await SettingsAsync(la);
        var stateFunded = settings.Where(s => s.Type is "PUPIL_REFERRAL_UNIT" or "AP_ACADEMY" or "AP_FREE_SCHOOL" && s.KeyStages.Contains("KS1")).ToList();
        var independent = settings.First(s => s.Type == "INDEPENDENT_SCHOOL" && s.KeyStages.Contains("KS2"));
        var total = counts.Values.Sum(r => r.Values.Sum());
        var perSetting = (total / stateFunded.Count) + 1;
        foreach (var setting in stateFunded) await MakeRoomAsync(la, setting, perSetting);
        await MakeRoomAsync(la, independent, 5);

        // Who leaves in which year group; pupils spread over settings and schools.
        var pupils = counts.SelectMany(row => row.Value.SelectMany(cell => Enumerable.Repeat((First: row.Key, Last: cell.Key), cell.Value)))
            .Select((p, i) => new Pupil(p.First, p.Last, stateFunded[i % stateFunded.Count].Urn, schools[i % schools.Count]))
            .ToList();
        // Beside them: the same cohort in independent AP, which the state-funded table must not count.
        var others = Enumerable.Range(0, 5).Select(i => new Pupil(4, 5, independent.Urn, schools[i % schools.Count])).ToList();

        var start = today.AddDays(7);
        await ForEachAsync([.. pupils, .. others], p => EnterAsync(world, p, start));

        for (var years = 0; years <= SchoolYear.Year11 - 2; years++)
        {
            today = await MoveToAsync(world, years == 0 ? start.AddDays(7) : MondayOnOrAfter(new DateOnly(cohort + years, 11, 15)));
            var leaving = pupils.Concat(others).Where(p => p.Last - p.First == years).ToList();
            await ForEachAsync(leaving, p => LeaveAsync(world, p, today));

            var midway = await ReportAsync(la, cohort, "STATE_FUNDED");
            var stillIn = pupils.Where(p => p.Last - p.First > years).GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(stillIn, midway.GetProperty("ongoingStays").EnumerateArray().ToDictionary(r => r.GetProperty("firstYearGroup").GetInt32(), r => r.GetProperty("pupils").GetInt32()));
        }

        var report = await ReportAsync(la, cohort, "STATE_FUNDED");
        Assert.Equal((cohort, "STATE_FUNDED"), (report.GetProperty("entryCohort").GetInt32(), report.GetProperty("apType").GetString()));
        var rows = report.GetProperty("lengthOfStay").EnumerateArray().ToDictionary(r => r.GetProperty("firstYearGroup").GetInt32());
        Assert.Equal(Published.Keys.Order(), rows.Keys.Order());
        foreach (var (first, (size, percents)) in Published)
        {
            Assert.Equal(size, rows[first].GetProperty("pupils").GetInt32());
            var shares = rows[first].GetProperty("lastYearGroupShares").EnumerateArray()
                .ToDictionary(s => s.GetProperty("yearGroup").GetInt32(), s => s.GetProperty("percent").GetDouble());
            Assert.Equal(percents.Keys.Order(), shares.Keys.Order());
            foreach (var (last, percent) in percents)
            {
                Assert.True(Math.Abs(shares[last] - percent) <= 0.5, $"Year {first} to Year {last}: {shares[last]}% against the published {percent}%.");
            }
        }

        Assert.Empty(report.GetProperty("ongoingStays").EnumerateArray());

        // Every kind of AP: the independent pupils join the Year 4 row, all leaving in Year 5.
        var everyKind = await ReportAsync(la, cohort, type: null);
        var year4 = everyKind.GetProperty("lengthOfStay").EnumerateArray().Single(r => r.GetProperty("firstYearGroup").GetInt32() == 4);
        Assert.Equal(117 + others.Count, year4.GetProperty("pupils").GetInt32());
        Assert.Equal(Math.Round(100.0 * (counts[4][5] + others.Count) / (117 + others.Count), 1),
            year4.GetProperty("lastYearGroupShares").EnumerateArray().Single(s => s.GetProperty("yearGroup").GetInt32() == 5).GetProperty("percent").GetDouble());

        // An entry cohort nobody entered in is empty.
        var nextCohort = await ReportAsync(la, cohort + 1, "STATE_FUNDED");
        Assert.Empty(nextCohort.GetProperty("lengthOfStay").EnumerateArray());

        // Another LA's report of the same cohort knows none of these pupils.
        var elsewhere = await ReportAsync(await server.TokenAsync("901", "LA_OFFICER"), cohort, type: null);
        Assert.Empty(elsewhere.GetProperty("lengthOfStay").EnumerateArray());
        Assert.Empty(elsewhere.GetProperty("ongoingStays").EnumerateArray());
    }

    /// <summary>
    /// Whole pupils for a published row: each cell the nearest count, then moved by one within the
    /// counts that still round to the published percentage until the row adds up to its size.
    /// </summary>
    private static Dictionary<int, int> Cells(int size, Dictionary<int, int> percents)
    {
        var exact = percents.ToDictionary(c => c.Key, c => size * c.Value / 100.0);
        var cells = exact.ToDictionary(c => c.Key, c => (int)Math.Round(c.Value));
        bool Rounds(int year, int count) => Math.Abs((100.0 * count / size) - percents[year]) <= 0.5;
        while (cells.Values.Sum() != size)
        {
            var step = Math.Sign(size - cells.Values.Sum());
            var year = cells.Keys.Where(y => Rounds(y, cells[y] + step)).OrderBy(y => step * (cells[y] - exact[y])).First();
            cells[year] += step;
        }

        Assert.All(cells, c => Assert.True(Rounds(c.Key, c.Value), $"Year {c.Key}: {c.Value} of {size}"));
        return cells;
    }

    private static async Task EnterAsync(PlacementWorld world, Pupil pupil, DateOnly start)
    {
        pupil.Id = await world.RegisterPupilAsync(pupil.SchoolUrn, pupil.First);
        var referral = await world.ReferAsync(pupil.Id, pupil.SchoolUrn);
        var started = await world.StartAsync(referral, pupil.ApUrn, start, fullTime: true, []);
        var placement = started.HasErrors || !started.Data.TryGetProperty("startPlacement", out var shown) ? default : shown;
        Assert.True(placement.ValueKind == JsonValueKind.Object, $"{started.Status}: {started.Body}");
        pupil.PlacementId = placement.GetProperty("id").GetString();
    }

    private async Task LeaveAsync(PlacementWorld world, Pupil pupil, DateOnly on)
    {
        var ended = await server.PostAsync(await world.LaAsync(), """
            mutation($id: ID!, $on: Date!) { endPlacement(input: { placementId: $id, endDate: $on, outcome: RETURNED_TO_MAINSTREAM }) { status } }
            """, new { id = pupil.PlacementId, on = PlacementWorld.Iso(on) });
        Assert.False(ended.HasErrors, ended.Body);
    }

    private async Task<JsonElement> ReportAsync(string la, int cohort, string? type)
    {
        var response = await server.PostAsync(la, ReportQuery, new { cohort, type });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("report");
    }

    private async Task<IReadOnlyList<Setting>> SettingsAsync(string la)
    {
        var response = await server.PostAsync(la, "{ localAuthority { apSettings { urn type keyStages fullTimePlaces fullTimePlacesFree sessions { session places } outreachHoursPerWeek } } }");
        Assert.False(response.HasErrors, response.Body);
        return [.. response.Data.GetProperty("localAuthority").GetProperty("apSettings").EnumerateArray()
            .Select(s => new Setting(s.GetProperty("urn").GetString()!, s.GetProperty("type").GetString()!, [.. s.GetProperty("keyStages").EnumerateArray().Select(k => k.GetString()!)], s))
            .OrderBy(s => s.Urn, StringComparer.Ordinal)];
    }

    /// <summary>As the LA would: enough full-time places for <paramref name="more"/> pupils besides those already there.</summary>
    private async Task MakeRoomAsync(string la, Setting setting, int more)
    {
        var places = setting.Json.GetProperty("fullTimePlaces").GetInt32();
        var used = places - setting.Json.GetProperty("fullTimePlacesFree").GetInt32();
        var response = await server.PostAsync(la, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { fullTimePlacesFree } }", new
        {
            input = new
            {
                urn = setting.Urn,
                fullTimePlaces = Math.Max(places, used + more),
                sessions = setting.Json.GetProperty("sessions").EnumerateArray().Select(s => new { session = s.GetProperty("session").GetString(), places = s.GetProperty("places").GetInt32() }).ToArray(),
                outreachHoursPerWeek = setting.Json.GetProperty("outreachHoursPerWeek").GetDouble(),
            },
        });
        Assert.False(response.HasErrors, response.Body);
        Assert.True(response.Data.GetProperty("setApAvailability").GetProperty("fullTimePlacesFree").GetInt32() >= more);
    }

    private static async Task<DateOnly> MoveToAsync(PlacementWorld world, DateOnly day)
    {
        var today = await world.TodayAsync();
        Assert.True(day >= today, $"The clock only moves forward: {day} is before {today}.");
        return day == today ? today : await world.AdvanceDaysAsync(day.DayNumber - today.DayNumber);
    }

    private static DateOnly MondayOnOrAfter(DateOnly day) => day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);

    /// <summary>
    /// Six pupils at a time, and at most <see cref="PupilsPerSecond"/> a second: the gateway allows a
    /// tenant 2000 requests in 10 s (docs/api.md, "Rate limits") and entering a pupil takes five.
    /// </summary>
    private static async Task ForEachAsync(IEnumerable<Pupil> pupils, Func<Pupil, Task> step)
    {
        foreach (var batch in pupils.Chunk(PupilsPerSecond))
        {
            await Task.WhenAll(
                Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (p, _) => await step(p)),
                Task.Delay(TimeSpan.FromSeconds(1)));
        }
    }

    private sealed record Setting(string Urn, string Type, IReadOnlyList<string> KeyStages, JsonElement Json);

    private sealed class Pupil(int first, int last, string apUrn, string schoolUrn)
    {
        public int First { get; } = first;

        public int Last { get; } = last;

        public string ApUrn { get; } = apUrn;

        public string SchoolUrn { get; } = schoolUrn;

        public string Id { get; set; } = "";

        public string? PlacementId { get; set; }
    }
}
