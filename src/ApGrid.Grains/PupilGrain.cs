namespace ApGrid.Grains;

/// <summary>
/// Owns a pupil's record and placements, and runs the two-grain step of starting a placement:
/// hold the place at the AP setting first, then record it here; give the place back if recording fails.
/// </summary>
public sealed class PupilGrain(
    [PersistentState("pupil")] IPersistentState<PupilState> state,
    TimeProvider clock) : Grain, IPupilGrain
{
    private string PupilId => GrainKeys.LocalIdOf(this.GetPrimaryKeyString());

    private string LaCode => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    public async Task<CommandResult<PupilSnapshot>> RegisterAsync(PupilRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (state.State.Record is not null)
        {
            return CommandResult<PupilSnapshot>.Fail(DomainError.Conflict("pupilId", "This pupil is already registered."));
        }

        if (PupilRules.Validate(record.Upn, record.Initials, record.DateOfBirth, record.YearGroup, Today()) is { } error)
        {
            return CommandResult<PupilSnapshot>.Fail(error);
        }

        state.State.Record = record;
        await WriteAsync();
        return CommandResult<PupilSnapshot>.Ok(Snapshot());
    }

    public Task<PupilSnapshot?> GetAsync() => Task.FromResult(state.State.Record is null ? null : Snapshot());

    public async Task<CommandResult<PupilSnapshot>> StartPlacementAsync(PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Record is not { } record)
        {
            return CommandResult<PupilSnapshot>.Fail(DomainError.NotFound("pupilId", "No such pupil."));
        }

        if (state.State.Placements.Find(p => p.EndDate is null) is { } active)
        {
            return active.PlacementId == request.PlacementId
                ? CommandResult<PupilSnapshot>.Ok(Snapshot())
                : CommandResult<PupilSnapshot>.Fail(DomainError.Conflict("pupilId", "The pupil already has an active placement."));
        }

        if (request.PlannedEndDate <= request.StartDate)
        {
            return CommandResult<PupilSnapshot>.Fail(DomainError.Validation("plannedEndDate", "The planned end must be after the start."));
        }

        var setting = GrainFactory.GetGrain<IApSettingGrain>(GrainKeys.For(LaCode, request.ApUrn));
        var reserved = await setting.ReservePlaceAsync(new PlaceReservation(
            request.PlacementId,
            PupilId,
            request.FullTime,
            request.Sessions,
            SchoolYear.KeyStageOf(record.YearGroup),
            record.SenProvision == SenProvision.EhcPlan,
            record.LookedAfter,
            SchoolYear.IsOfCompulsorySchoolAge(record.DateOfBirth, request.StartDate)));
        if (reserved.Error is { } refused) return CommandResult<PupilSnapshot>.Fail(refused);

        state.State.Placements.Add(new PlacementRecord(
            request.PlacementId, request.ApUrn, request.StartDate, request.PlannedEndDate,
            request.FullTime, [.. request.Sessions],
            request.FullTime ? Registration.Single : Registration.Subsidiary,
            EndDate: null));
        try
        {
            await WriteAsync();
        }
        catch
        {
            // The place must not stay held for a placement that was never recorded.
            await setting.ReleasePlaceAsync(request.PlacementId);
            throw;
        }

        await GrainFactory.GetGrain<IChangeFeedGrain>(LaCode).AppendAsync(ChangeKind.Placement, request.PlacementId);

        return CommandResult<PupilSnapshot>.Ok(Snapshot());
    }

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private PupilSnapshot Snapshot() => new(PupilId, state.State.Record!, [.. state.State.Placements]);
}
