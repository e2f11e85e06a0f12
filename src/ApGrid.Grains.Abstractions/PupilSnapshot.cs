namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.PupilSnapshot")]
public sealed record PupilSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] PupilRecord Record,
    [property: Id(2)] IReadOnlyList<PlacementRecord> Placements,
    [property: Id(3)] IReadOnlyList<ReferralRecord> Referrals,
    [property: Id(4)] EhcpCaseRecord? Ehcp = null,
    [property: Id(5)] IReadOnlyList<string>? WaitingListEntryIds = null,
    [property: Id(6)] IReadOnlyList<string>? ClosedWaitingListEntryIds = null,
    [property: Id(7)] IReadOnlyList<PupilCorrection>? Corrections = null,
    [property: Id(8)] IReadOnlyList<PupilTimetable>? Timetables = null,
    [property: Id(9)] IReadOnlyList<ExclusionRecord>? Exclusions = null)
{
    /// <summary>The timetable in force on <paramref name="date"/>: the latest recorded from that date or before, if any.</summary>
    public PupilTimetable? TimetableOn(DateOnly date) => (Timetables ?? []).LastOrDefault(t => t.EffectiveFrom <= date);

    /// <summary>
    /// The pupil's week on <paramref name="date"/>. Without a recorded timetable the pupil attends
    /// the home school whenever not at a provider, unless permanently excluded (off its roll).
    /// </summary>
    public PackageCheck PackageOn(DateOnly date, double fullWeekHours)
    {
        var placements = Placements.Where(p => p.RunsOn(date)).Select(p => p.SessionsOn(date)).ToList();
        return PackageRules.Check(HomeSchoolSessionsOn(date), placements, TimetableOn(date)?.TuitionHoursPerWeek ?? 0, fullWeekHours);
    }

    /// <summary>As recorded, or every session the pupil is not at a provider (none after a permanent exclusion: off the school's roll).</summary>
    public IReadOnlyList<Session> HomeSchoolSessionsOn(DateOnly date)
    {
        if (TimetableOn(date) is { } timetable) return timetable.HomeSchoolSessions;
        var running = Placements.Where(p => p.RunsOn(date)).ToList();
        return running.Any(p => p.Route == PlacementRoute.S19PermanentExclusion)
            ? []
            : [.. Sessions.All.Except(running.SelectMany(p => p.SessionsOn(date)))];
    }

    /// <summary>Whose week can fall short of full time: a recorded timetable, or provision after a permanent exclusion.</summary>
    public bool HasTrackedPackage => (Timetables ?? []).Count > 0 || Placements.Any(p => p.IsActive && p.Route == PlacementRoute.S19PermanentExclusion);

    public PlacementRecord? CurrentPlacement => Placements.FirstOrDefault(p => p.IsActive);

    /// <summary>Whether the pupil waits on, was offered or accepted a place at this special school (not declined or removed).</summary>
    public bool IsOnWaitingListOf(string specialSchoolUrn) =>
        (WaitingListEntryIds ?? []).Any(id => WaitingListIds.SchoolOf(id) == specialSchoolUrn && !(ClosedWaitingListEntryIds ?? []).Contains(id));
}
