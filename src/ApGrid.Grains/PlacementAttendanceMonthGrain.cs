namespace ApGrid.Grains;

/// <summary>A month of one placement's marks; its tally is what the placement's attendance adds up.</summary>
public sealed class PlacementAttendanceMonthGrain(
    [PersistentState("placementAttendanceMonth")] IPersistentState<PlacementAttendanceMonthState> state)
    : Grain, IPlacementAttendanceMonthGrain
{
    public async Task<AttendanceCounts> SetDaysAsync(IReadOnlyDictionary<DateOnly, IReadOnlyList<DatedMark>> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var changed = false;
        foreach (var (day, marks) in days)
        {
            List<DatedMark> marksOfDay = [.. marks.Where(m => m.Date == day).OrderBy(m => m.Session)];
            var held = state.State.Days.TryGetValue(day, out var before) ? before : [];
            if (held.SequenceEqual(marksOfDay)) continue;
            if (marksOfDay.Count == 0) state.State.Days.Remove(day); else state.State.Days[day] = marksOfDay;
            changed = true;
        }

        if (changed) await state.WriteStateAsync();
        return AttendanceCounts.From(AttendanceTally.Of(state.State.Days.Values.SelectMany(d => d).Select(m => m.Code)));
    }

    public Task<IReadOnlyList<DatedMark>> GetAsync() =>
        Task.FromResult<IReadOnlyList<DatedMark>>([.. state.State.Days.OrderBy(d => d.Key).SelectMany(d => d.Value)]);
}
