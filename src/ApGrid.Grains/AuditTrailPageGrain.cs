namespace ApGrid.Grains;

public sealed class AuditTrailPageGrain(
    [PersistentState("auditTrailPage")] IPersistentState<AuditTrailPageState> state) : Grain, IAuditTrailPageGrain
{
    public async Task SealAsync(IReadOnlyList<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);

        // A sealed page is never rewritten: a repeated seal after a crash carries the same entries,
        // and nothing else may replace what the trail once recorded.
        if (state.State.Entries.Count > 0) return;
        state.State.Entries = [.. entries];
        await state.WriteStateAsync();
    }

    /// <summary>Retention removes the whole page, from storage too; the trail no longer reads it.</summary>
    public Task ClearAsync() => state.ClearStateAsync();

    public Task<IReadOnlyList<AuditEntry>> ReadAsync() => Task.FromResult<IReadOnlyList<AuditEntry>>(state.State.Entries);
}
