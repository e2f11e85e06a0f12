namespace ApGrid.Grains;

public sealed class BoardSessionGrain(
    [PersistentState("boardSession")] IPersistentState<BoardSessionState> state) : Grain, IBoardSessionGrain
{
    public async Task StoreAsync(byte[] ticket, DateTimeOffset expires)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        state.State.Ticket = ticket;
        state.State.Expires = expires;
        await state.WriteStateAsync();
    }

    // Real time, as the cookie's own expiry: a node's adjustable clock must not end sessions.
    public Task<byte[]?> GetAsync() =>
        Task.FromResult(state.State.Ticket is { } ticket && DateTimeOffset.UtcNow < state.State.Expires ? ticket : null);

    public async Task EndAsync()
    {
        if (state.RecordExists) await state.ClearStateAsync();
        state.State = new BoardSessionState();
        DeactivateOnIdle();
    }
}
