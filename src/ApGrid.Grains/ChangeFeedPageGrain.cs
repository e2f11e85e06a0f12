namespace ApGrid.Grains;

public sealed class ChangeFeedPageGrain(
    [PersistentState("changeFeedPage")] IPersistentState<ChangeFeedPageState> state) : Grain, IChangeFeedPageGrain
{
    public async Task SealAsync(IReadOnlyList<ChangeEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        state.State.Entries = [.. entries];
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ChangeEntry>> ReadAsync() => Task.FromResult<IReadOnlyList<ChangeEntry>>(state.State.Entries);
}
