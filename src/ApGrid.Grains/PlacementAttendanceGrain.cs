namespace ApGrid.Grains;

/// <summary>
/// A placement's marks over its life, so its weekly and to-date figures are one call however many
/// days it ran; the LA's attendance bands hear of each change through the outbox.
/// </summary>
public sealed class PlacementAttendanceGrain(
    [PersistentState("placementAttendance")] IPersistentState<PlacementAttendanceState> state, ILogger<PlacementAttendanceGrain> logger)
    : OutboxGrain<PlacementAttendanceState>(state, s => s.Outbox, logger), IPlacementAttendanceGrain
{
    private string PlacementId => GrainKeys.LocalIdOf(this.GetPrimaryKeyString());

    private string LaCode => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    public async Task SetDayAsync(string pupilId, DateOnly day, IReadOnlyList<DatedMark> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        List<DatedMark> marksOfDay = [.. marks.Where(m => m.Date == day).OrderBy(m => m.Session)];
        if (State.PupilId == pupilId && State.Days.TryGetValue(day, out var held) && held.SequenceEqual(marksOfDay)) return;
        State.PupilId = pupilId;
        State.Days[day] = marksOfDay;
        await Outbox.CommitAsync(new OutboxMessage(OutboxMessageKind.LaAttendance, PlacementId));
    }

    public Task<PlacementAttendance> GetAsync(DateOnly asOf)
    {
        var marks = AllMarks().ToList();
        var domain = marks.Select(m => m.ToMark()).ToList();
        return Task.FromResult(new PlacementAttendance(
            PlacementId,
            asOf,
            AttendanceCounts.From(AttendanceRules.Weekly(domain, asOf)),
            AttendanceCounts.From(AttendanceRules.ToDate(domain, asOf)),
            [.. marks.Where(m => m.Date <= asOf)]));
    }

    /// <summary>Idempotent: the LA keeps the latest figures it is sent.</summary>
    protected override Task DeliverAsync(OutboxMessage message) => message.Kind switch
    {
        OutboxMessageKind.LaAttendance => GrainFactory.GetGrain<ILocalAuthorityGrain>(LaCode)
            .RecordAttendanceAsync(PlacementId, AttendanceCounts.From(AttendanceTally.Of(AllMarks().Select(m => m.Code)))),
        _ => Task.CompletedTask,
    };

    private IEnumerable<DatedMark> AllMarks() => State.Days.OrderBy(d => d.Key).SelectMany(d => d.Value);
}
