namespace ApGrid.Grains;

/// <summary>
/// A placement's attendance over its life: the marks live in one grain per month, and this grain
/// keeps each month's tally, so a day's marks rewrite one month and a dozen tallies a year instead
/// of every mark since the placement began. The LA's attendance bands hear of each change through
/// the outbox. Crash safety comes from the caller: the register delivers a day through its own
/// outbox until this answers, and a month takes the same marks again without change.
/// </summary>
public sealed class PlacementAttendanceGrain(
    [PersistentState("placementAttendance")] IPersistentState<PlacementAttendanceState> state, ILogger<PlacementAttendanceGrain> logger)
    : OutboxGrain<PlacementAttendanceState>(state, s => s.Outbox, logger), IPlacementAttendanceGrain
{
    private string PlacementId => GrainKeys.LocalIdOf(this.GetPrimaryKeyString());

    private string LaCode => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.Days.Count == 0) return;
        // Stored before months existed: move the marks month by month, then forget them here.
        foreach (var month in State.Days.GroupBy(d => FirstOfMonth(d.Key)))
        {
            State.Months[month.Key] = await Month(month.Key).SetDaysAsync(
                month.ToDictionary(d => d.Key, d => (IReadOnlyList<DatedMark>)d.Value));
        }

        State.Days.Clear();
        await Outbox.CommitAsync(new OutboxMessage(OutboxMessageKind.LaAttendance, PlacementId));
    }

    public async Task SetDayAsync(string pupilId, DateOnly day, IReadOnlyList<DatedMark> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var month = FirstOfMonth(day);
        var tally = await Month(month).SetDaysAsync(new Dictionary<DateOnly, IReadOnlyList<DatedMark>> { [day] = marks });
        if (State.PupilId == pupilId && State.Months.TryGetValue(month, out var held) && held == tally) return;
        State.PupilId = pupilId;
        State.Months[month] = tally;
        await Outbox.CommitAsync(new OutboxMessage(OutboxMessageKind.LaAttendance, PlacementId));
    }

    public async Task<PlacementAttendance> GetAsync(DateOnly asOf)
    {
        var months = await Task.WhenAll(State.Months.Keys.Where(m => m <= asOf).Order().Select(m => Month(m).GetAsync()));
        var marks = months.SelectMany(m => m).Where(m => m.Date <= asOf).ToList();
        var domain = marks.Select(m => m.ToMark()).ToList();
        return new PlacementAttendance(
            PlacementId,
            asOf,
            AttendanceCounts.From(AttendanceRules.Weekly(domain, asOf)),
            AttendanceCounts.From(AttendanceRules.ToDate(domain, asOf)),
            marks);
    }

    /// <summary>Idempotent: the LA keeps the latest figures it is sent.</summary>
    protected override Task DeliverAsync(OutboxMessage message) => message.Kind switch
    {
        OutboxMessageKind.LaAttendance => GrainFactory.GetGrain<ILocalAuthorityGrain>(LaCode).RecordAttendanceAsync(
            PlacementId, AttendanceCounts.From(State.Months.Values.Aggregate(AttendanceTally.None, (sum, m) => sum.Plus(m.ToTally())))),
        _ => Task.CompletedTask,
    };

    private IPlacementAttendanceMonthGrain Month(DateOnly day) =>
        GrainFactory.GetGrain<IPlacementAttendanceMonthGrain>(AttendanceKeys.PlacementMonth(LaCode, PlacementId, day));

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);
}
