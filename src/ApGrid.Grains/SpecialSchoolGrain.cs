namespace ApGrid.Grains;

/// <summary>
/// A special school's places and its waiting list. The list is ordered here, one change at a time,
/// so positions stay 1..n without gaps however many adds arrive together; an offer holds a place
/// until it is answered, so two offers can never promise the same place. What a change owes the
/// LA's waiting figures and the change feed is written with it and made after it (<see cref="FollowUp"/>).
/// </summary>
public sealed class SpecialSchoolGrain(
    [PersistentState("specialSchool")] IPersistentState<SpecialSchoolState> state,
    TimeProvider clock,
    ILogger<SpecialSchoolGrain> logger) : Grain, ISpecialSchoolGrain
{
    private string Urn => GrainKeys.LocalIdOf(this.GetPrimaryKeyString());

    private string LaCode => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    private FollowUpLedger? followUps;

    private FollowUpLedger FollowUps => followUps ??= new(() => state.State.PendingFollowUps, MakeAsync, logger, "Special school " + Urn);

    /// <summary>Makes what an earlier change still owes, from a one-off timer (as the pupil does; see PupilGrain).</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (FollowUps.Any) this.RegisterGrainTimer(_ => TenantContext.RunAsync(LaCode, FollowUps.MakeAsync), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    /// <summary>Clears from storage the follow-ups made since the last write.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        followUps?.ClearMadeAsync(() => state.WriteStateAsync(cancellationToken)) ?? Task.CompletedTask;

    /// <summary>Written whatever was made: a grain woken by its mark while owing nothing (a mark left by a clear, or by an older node) clears it so.</summary>
    public async Task ResumeFollowUpsAsync()
    {
        if (!state.RecordExists) return;
        await FollowUps.MakeAsync();
        await StoreAsync();
    }

    public async Task<bool> CreateAsync(SpecialSchoolProfile profile, int places, int placesTaken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (state.State.Profile is not null) return false;
        state.State.Profile = profile;
        state.State.Places = places;
        state.State.PlacesTaken = placesTaken;
        await WriteAsync();
        return true;
    }

    public Task<SpecialSchoolSnapshot?> GetAsync() => Task.FromResult(state.State.Profile is null ? null : Snapshot());

    public async Task<CommandResult<SpecialSchoolSnapshot>> SetPlacesAsync(int places)
    {
        if (state.State.Profile is null) return CommandResult<SpecialSchoolSnapshot>.Fail(NoSuchSchool());
        if (SpecialSchoolRules.ValidatePlaces(places, state.State.PlacesTaken + OffersOutstanding()) is { } error)
        {
            return CommandResult<SpecialSchoolSnapshot>.Fail(error);
        }

        state.State.Places = places;
        FollowUps.Owe(new FollowUp(FollowUpKind.WaitingListChanged, Urn));
        await WriteAsync();
        await FollowUps.MakeAsync();
        return CommandResult<SpecialSchoolSnapshot>.Ok(Snapshot());
    }

    public async Task<CommandResult<WaitingListEntryRecord>> AddEntryAsync(string pupilId, DateOnly addedOn)
    {
        if (state.State.Profile is null) return Fail(NoSuchSchool());
        if (WaitingListRules.ValidateAddedOn(addedOn, clock.Today()) is { } invalid) return Fail(invalid);
        if (state.State.Entries.Values.Any(e => e.PupilId == pupilId && WaitingListRules.IsOpen(e.Status)))
        {
            return Fail(DomainError.Conflict("pupilId", "The pupil is already on this special school's waiting list."));
        }

        var number = ++state.State.LastEntryNumber;
        state.State.Entries[number] = new WaitingEntry(number, pupilId, addedOn, WaitingStatus.Waiting, null, null, null);
        return await CommitAsync(number);
    }

    public Task<IReadOnlyList<WaitingListEntryRecord>> GetWaitingListAsync()
    {
        var positions = Positions();
        return Task.FromResult<IReadOnlyList<WaitingListEntryRecord>>([.. state.State.Entries.Values
            .Where(e => WaitingListRules.IsOpen(e.Status))
            .OrderBy(e => e.Status == WaitingStatus.Waiting ? positions[e.Number] : 0)
            .ThenBy(e => e.Number)
            .Select(e => Record(e, positions))]);
    }

    public Task<WaitingListEntryRecord?> GetEntryAsync(string entryId) =>
        Task.FromResult(Find(entryId) is { } entry ? Record(entry) : null);

    public async Task<CommandResult<WaitingListEntryRecord>> OfferPlaceAsync(string entryId, string? reason)
    {
        if (Find(entryId) is not { } entry) return Fail(NoSuchEntry());
        var isFirst = PositionOf(entry) == 1;
        if (WaitingListRules.CheckOffer(entry.Status, PlacesFree(), isFirst, reason) is { } refused) return Fail(refused);

        state.State.Entries[entry.Number] = entry with
        {
            Status = WaitingStatus.Offered,
            OfferedOn = clock.Today(),
            OfferReason = isFirst ? null : reason!.Trim(),
        };
        return await CommitAsync(entry.Number);
    }

    public async Task<CommandResult<WaitingListEntryRecord>> RespondToOfferAsync(string entryId, bool accepted)
    {
        if (Find(entryId) is not { } entry) return Fail(NoSuchEntry());
        var answered = accepted ? WaitingStatus.Accepted : WaitingStatus.Declined;
        if (entry.Status == answered) return CommandResult<WaitingListEntryRecord>.Ok(Record(entry));
        if (WaitingListRules.CheckResponse(entry.Status) is { } refused) return Fail(refused);

        state.State.Entries[entry.Number] = entry with { Status = answered, ClosedOn = clock.Today() };
        if (accepted) state.State.PlacesTaken++;
        return await CommitAsync(entry.Number);
    }

    public async Task<CommandResult<WaitingListEntryRecord>> RemoveEntryAsync(string entryId)
    {
        if (Find(entryId) is not { } entry) return Fail(NoSuchEntry());
        if (!WaitingListRules.IsOpen(entry.Status)) return CommandResult<WaitingListEntryRecord>.Ok(Record(entry));

        // An offer still held goes back to the pool with the entry.
        state.State.Entries[entry.Number] = entry with { Status = WaitingStatus.Removed, ClosedOn = clock.Today() };
        return await CommitAsync(entry.Number);
    }

    /// <summary>Writes the list, then tells the LA's running figures and the change feed.</summary>
    private async Task<CommandResult<WaitingListEntryRecord>> CommitAsync(int number)
    {
        var id = WaitingListIds.For(Urn, number);
        FollowUps.Owe(new FollowUp(FollowUpKind.LaWaitingEntry, id), new FollowUp(FollowUpKind.WaitingListChanged, id));
        await WriteAsync();
        await FollowUps.MakeAsync();
        return CommandResult<WaitingListEntryRecord>.Ok(Record(state.State.Entries[number]));
    }

    private Task MakeAsync(FollowUp followUp) => followUp.Kind switch
    {
        FollowUpKind.LaWaitingEntry when Find(followUp.SubjectId) is { } entry => GrainFactory.GetGrain<ILocalAuthorityGrain>(LaCode)
            .UpdateWaitingEntryAsync(new WaitingFact(followUp.SubjectId, entry.PupilId, entry.AddedOn, WaitingListRules.IsOpen(entry.Status))),
        FollowUpKind.WaitingListChanged => GrainFactory.GetGrain<IChangeFeedGrain>(LaCode).AppendAsync(ChangeKind.WaitingList, followUp.SubjectId),
        _ => Task.CompletedTask,
    };

    /// <summary>1-based positions of the waiting entries: by date added, then by arrival.</summary>
    private Dictionary<int, int> Positions()
    {
        var position = 0;
        return state.State.Entries.Values
            .Where(e => e.Status == WaitingStatus.Waiting)
            .OrderBy(e => e.AddedOn)
            .ThenBy(e => e.Number)
            .ToDictionary(e => e.Number, _ => ++position);
    }

    /// <summary>One entry's position without ordering the whole list: the waiting entries ahead of it, plus one.</summary>
    private int? PositionOf(WaitingEntry entry) => entry.Status != WaitingStatus.Waiting
        ? null
        : 1 + state.State.Entries.Values.Count(e => e.Status == WaitingStatus.Waiting
            && (e.AddedOn < entry.AddedOn || (e.AddedOn == entry.AddedOn && e.Number < entry.Number)));

    private WaitingEntry? Find(string entryId)
    {
        if (WaitingListIds.SchoolOf(entryId) != Urn) return null;
        var number = int.Parse(entryId.AsSpan(entryId.LastIndexOf('w') + 1), System.Globalization.CultureInfo.InvariantCulture);
        return state.State.Entries.GetValueOrDefault(number);
    }

    private WaitingListEntryRecord Record(WaitingEntry entry) => Record(entry, PositionOf(entry));

    private WaitingListEntryRecord Record(WaitingEntry entry, Dictionary<int, int> positions) =>
        Record(entry, positions.TryGetValue(entry.Number, out var position) ? position : null);

    private WaitingListEntryRecord Record(WaitingEntry entry, int? position) => new(
        WaitingListIds.For(Urn, entry.Number),
        entry.PupilId,
        Urn,
        entry.AddedOn,
        entry.Status,
        position,
        entry.OfferedOn,
        entry.OfferReason,
        entry.ClosedOn);

    private int OffersOutstanding() => state.State.Entries.Values.Count(e => e.Status == WaitingStatus.Offered);

    private int PlacesFree() => state.State.Places - state.State.PlacesTaken - OffersOutstanding();

    private Task WriteAsync()
    {
        state.State.UpdatedAt = clock.GetUtcNow();
        return StoreAsync();
    }

    /// <summary>Writes the state as it is; a failed write drops the activation, so the next call starts from storage.</summary>
    private async Task StoreAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            FollowUps.Abandon();
            DeactivateOnIdle();
            throw;
        }

        FollowUps.Stored();
    }

    private SpecialSchoolSnapshot Snapshot() => new(
        Urn,
        state.State.Profile!,
        state.State.Places,
        PlacesFree(),
        state.State.UpdatedAt);

    private static DomainError NoSuchSchool() => DomainError.NotFound("urn", "No such special school.");

    private static DomainError NoSuchEntry() => DomainError.NotFound("entryId", "No such waiting-list entry.");

    private static CommandResult<WaitingListEntryRecord> Fail(DomainError error) => CommandResult<WaitingListEntryRecord>.Fail(error);
}
