using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using Xunit.Abstractions;

namespace ApGrid.Grains.Tests;

/// <summary>
/// A placement marked twice a day for years: a day's marks rewrite one month of marks and the
/// monthly tallies, never the whole history, and history stored before months existed moves to them.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PlacementAttendanceHistoryTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    private static List<DatedMark> Day(DateOnly day, AttendanceCode afternoon = AttendanceCode.Present) =>
        [new(day, AttendanceRules.SessionOn(day, true)!.Value, AttendanceCode.Present), new(day, AttendanceRules.SessionOn(day, false)!.Value, afternoon)];

    private static IEnumerable<DateOnly> Weekdays(DateOnly from, DateOnly to)
    {
        for (var day = from; day < to; day = day.AddDays(1))
        {
            if (AttendanceRules.SessionOn(day, true) is not null) yield return day;
        }
    }

    [Fact]
    public async Task A_days_marks_in_year_six_rewrite_no_more_than_on_day_one_and_five_years_of_history_carry_over()
    {
        var grains = new TenantGrains(Grains, TestWorld.NewTenant());
        var path = fixture.Storage.SqlitePath!;
        var start = new DateOnly(2021, 9, 6);
        var yearSix = new DateOnly(2026, 9, 1); // the first day of a month history has not reached

        // Day one of a new placement: what a day's write costs.
        var fresh = grains.PlacementAttendance("pl-new");
        await fresh.SetDayAsync("p-new", start, Day(start));
        var dayOneRoot = await StoredGrainState.SizeAsync(path, AttendanceKeys.Placement(grains.Tenant, "pl-new"));
        var dayOneMonth = await StoredGrainState.SizeAsync(path, AttendanceKeys.PlacementMonth(grains.Tenant, "pl-new", start));

        // Five years of weekdays stored the way marks were kept before months: one state holding every mark.
        var history = Weekdays(start, yearSix).ToList();
        var old = grains.PlacementAttendance("pl-old");
        await StoredGrainState.RewriteAsync<PlacementAttendanceState>(fixture.Cluster, "placementAttendance", old.GetGrainId(), s =>
        {
            s.PupilId = "p-old";
            foreach (var day in history) s.Days[day] = Day(day, day.DayOfWeek == DayOfWeek.Friday ? AttendanceCode.UnauthorisedAbsence : AttendanceCode.Present);
        });
        var everyMarkState = await StoredGrainState.SizeAsync(path, AttendanceKeys.Placement(grains.Tenant, "pl-old"));

        // The first call moves them into months; the figures are what five years of marks add up to.
        var before = await old.GetAsync(yearSix.AddDays(-1));
        var fridays = history.Count(d => d.DayOfWeek == DayOfWeek.Friday);
        Assert.Equal(new AttendanceCounts(2 * history.Count, 2 * history.Count - fridays, 0, fridays, 0), before.ToDate);
        Assert.Equal(2 * history.Count, before.Marks.Count);

        // A day in year six: the same month size as day one, and a root of small tallies only.
        await old.SetDayAsync("p-old", yearSix, Day(yearSix));
        var yearSixRoot = await StoredGrainState.SizeAsync(path, AttendanceKeys.Placement(grains.Tenant, "pl-old"));
        var yearSixMonth = await StoredGrainState.SizeAsync(path, AttendanceKeys.PlacementMonth(grains.Tenant, "pl-old", yearSix));
        output.WriteLine($"bytes rewritten by a day's marks: day one {dayOneRoot} + {dayOneMonth}; year six {yearSixRoot} + {yearSixMonth}; every mark in one state {everyMarkState}");
        Assert.Equal(dayOneMonth, yearSixMonth);
        Assert.True(yearSixRoot < everyMarkState / 10, $"root {yearSixRoot} B after five years; every mark in one state was {everyMarkState} B");
        Assert.True(yearSixRoot - dayOneRoot < 61 * 40, $"root grew {yearSixRoot - dayOneRoot} B over 61 months (day one {dayOneRoot} B)");

        var after = await old.GetAsync(yearSix);
        Assert.Equal(before.ToDate.Possible + 2, after.ToDate.Possible);
        // The week runs across two months: Monday 31 August is history's last day.
        Assert.Equal(new AttendanceCounts(4, 4, 0, 0, 0), after.Week);

        // A correction in an old month changes that month and the totals, nothing else.
        var oldDay = history[10];
        await old.SetDayAsync("p-old", oldDay, Day(oldDay, AttendanceCode.Illness));
        var corrected = await old.GetAsync(yearSix);
        Assert.Equal(after.ToDate.AuthorisedAbsent + 1, corrected.ToDate.AuthorisedAbsent);
        Assert.Equal(after.ToDate.Possible, corrected.ToDate.Possible);
    }

    [Fact]
    public async Task The_LA_forgets_an_ended_placements_figures_and_ignores_a_late_correction_to_them()
    {
        var grains = new TenantGrains(Grains, TestWorld.NewTenant());
        var start = new PlacementFact("pl-end", "p-end", new DateOnly(2012, 3, 1), 9, FullTime: true, Outcome: null, Date: new DateOnly(2026, 9, 7));
        await grains.La.RecordPlacementStartedAsync(start);
        await grains.La.RecordAttendanceAsync("pl-end", new AttendanceCounts(10, 9, 1, 0, 0));
        Assert.True((await StoredLaAsync(grains)).AttendanceByPlacement.ContainsKey("pl-end"));

        await grains.La.RecordPlacementEndedAsync(start with { Outcome = PlacementOutcome.ReturnedToMainstream, Date = new DateOnly(2026, 10, 9) });
        await grains.La.RecordAttendanceAsync("pl-end", new AttendanceCounts(10, 10, 0, 0, 0));

        Assert.False((await StoredLaAsync(grains)).AttendanceByPlacement.ContainsKey("pl-end"));
    }

    private Task<LocalAuthorityState> StoredLaAsync(TenantGrains grains) =>
        StoredGrainState.ReadThroughProviderAsync<LocalAuthorityState>(fixture.Cluster, "localAuthority", grains.La.GetGrainId());
}
