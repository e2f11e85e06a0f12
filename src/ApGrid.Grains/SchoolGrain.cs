namespace ApGrid.Grains;

public sealed class SchoolGrain(
    [PersistentState("school")] IPersistentState<SchoolState> state) : Grain, ISchoolGrain
{
    public async Task<bool> CreateAsync(SchoolProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (state.State.Profile is not null) return false;
        state.State.Profile = profile;
        await state.WriteStateAsync();
        return true;
    }

    public Task<SchoolProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    public async Task<bool> RecordGiasAsync(SchoolProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (state.State.Profile is null || state.State.Profile == profile) return false;
        state.State.Profile = profile;
        await state.WriteStateAsync();
        return true;
    }

    public async Task AddPupilAsync(string pupilId)
    {
        if (state.State.PupilIds.Contains(pupilId)) return;
        state.State.PupilIds.Add(pupilId);
        await state.WriteStateAsync();
    }

    public async Task RemovePupilAsync(string pupilId)
    {
        if (state.State.PupilIds.Remove(pupilId)) await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetPupilIdsAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.PupilIds]);
}
