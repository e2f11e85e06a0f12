namespace ApGrid.Grains;

public sealed class PostcodeDirectoryGrain(
    [PersistentState("postcodeDirectory")] IPersistentState<PostcodeDirectoryState> state) : Grain, IPostcodeDirectoryGrain
{
    public async Task ReplaceAsync(IReadOnlyDictionary<string, Location> sectors)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        state.State.Sectors = new Dictionary<string, Location>(sectors, StringComparer.Ordinal);
        await state.WriteStateAsync();
    }

    public Task<Location?> FindAsync(string sector) => Task.FromResult(state.State.Sectors.GetValueOrDefault(sector));

    public Task<int> CountAsync() => Task.FromResult(state.State.Sectors.Count);
}
