using System.Security.Cryptography;

namespace ApGrid.Grains;

public sealed class ChangeCursorKeyGrain(
    [PersistentState("changeCursorKey")] IPersistentState<ChangeCursorKeyState> state) : Grain, IChangeCursorKeyGrain
{
    public async Task<byte[]> GetAsync()
    {
        if (state.State.Key is { Length: 32 } key) return key;
        state.State.Key = RandomNumberGenerator.GetBytes(32);
        await state.WriteStateAsync();
        return state.State.Key;
    }
}
