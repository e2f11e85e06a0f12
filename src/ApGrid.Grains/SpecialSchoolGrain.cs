namespace ApGrid.Grains;

public sealed class SpecialSchoolGrain(
    [PersistentState("specialSchool")] IPersistentState<SpecialSchoolState> state,
    TimeProvider clock) : Grain, ISpecialSchoolGrain
{
    public async Task<bool> CreateAsync(SpecialSchoolProfile profile, int places, int placesTaken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (state.State.Profile is not null) return false;
        state.State.Profile = profile;
        state.State.Places = places;
        state.State.PlacesTaken = placesTaken;
        state.State.UpdatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        return true;
    }

    public Task<SpecialSchoolSnapshot?> GetAsync() => Task.FromResult(state.State.Profile is null ? null : Snapshot());

    public async Task<CommandResult<SpecialSchoolSnapshot>> SetPlacesAsync(int places)
    {
        if (state.State.Profile is null)
        {
            return CommandResult<SpecialSchoolSnapshot>.Fail(DomainError.NotFound("urn", "No such special school."));
        }

        if (SpecialSchoolRules.ValidatePlaces(places, state.State.PlacesTaken) is { } error)
        {
            return CommandResult<SpecialSchoolSnapshot>.Fail(error);
        }

        state.State.Places = places;
        state.State.UpdatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IChangeFeedGrain>(GrainKeys.TenantOf(this.GetPrimaryKeyString()))
            .AppendAsync(ChangeKind.WaitingList, GrainKeys.LocalIdOf(this.GetPrimaryKeyString()));
        return CommandResult<SpecialSchoolSnapshot>.Ok(Snapshot());
    }

    private SpecialSchoolSnapshot Snapshot() => new(
        GrainKeys.LocalIdOf(this.GetPrimaryKeyString()),
        state.State.Profile!,
        state.State.Places,
        state.State.Places - state.State.PlacesTaken,
        state.State.UpdatedAt);
}
