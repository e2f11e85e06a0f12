namespace ApGrid.Grains;

/// <summary>
/// A special school's places and its waiting list. The list is ordered here, one change at a time,
/// so positions stay 1..n without gaps however many adds arrive together; an offer holds a place
/// until it is answered, so two offers can never promise the same place. What a change owes the
/// LA's waiting figures and the change feed goes through its outbox (<see cref="Outbox{TState}"/>).
/// </summary>
public sealed class SpecialSchoolGrain : Grain, ISpecialSchoolGrain
{
    private readonly IPersistentState<SpecialSchoolState> state;
    private readonly TimeProvider clock;
    private readonly Outbox<SpecialSchoolState> outbox;

    public SpecialSchoolGrain([PersistentState("specialSchool")] IPersistentState<SpecialSchoolState> state, TimeProvider clock, ILogger<SpecialSchoolGrain> logger)
    {
        this.state = state;
        this.clock = clock;
        outbox = new(this, state, s => s.Outbox, DeliverAsync, logger);
    }

    private string Urn => GrainKeys.LocalIdOf(this.GetPrimaryKeyString());

    private string LaCode => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        outbox.OnActivate();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => outbox.OnDeactivateAsync();

    public Task ResumeOutboxAsync() => outbox.ResumeAsync();

    public async Task<bool> CreateAsync(SpecialSchoolProfile profile, int places, int placesTaken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (state.State.Profile is not null) return false;
        state.State.Profile = profile;
        state.State.Places = places;
        state.State.PlacesTaken = placesTaken;
        state.State.UpdatedAt = clock.GetUtcNow();
        await outbox.WriteAsync();
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
        state.State.UpdatedAt = clock.GetUtcNow();
        await outbox.CommitAsync(new OutboxMessage(OutboxMessageKind.WaitingListChanged, Urn));
        return CommandResult<SpecialSchoolSnapshot>.Ok(Snapshot());
    }

    public async Task<CommandResult<WaitingListEntryRecord>> AddEntryAsync(string pupilId, DateOnly addedOn, string requestId)
    {
        if (state.State.Profile is null) return Fail(NoSuchSchool());

        // A repeat of an add this school already made (a retry, or the pupil's recovery) gets that entry.
        if (state.State.Entries.Values.FirstOrDefault(e => e.RequestId == requestId && e.PupilId == pupilId) is { } made)
        {
            return CommandResult<WaitingListEntryRecord>.Ok(Record(made));
        }

        if (WaitingListRules.ValidateAddedOn(addedOn, clock.Today()) is { } invalid) return Fail(invalid);
        if (state.State.Entries.Values.Any(e => e.PupilId == pupilId && WaitingListRules.IsOpen(e.Status)))
        {
            return Fail(DomainError.Conflict("pupilId", "The pupil is already on this special school's waiting list."));
        }

        var number = ++state.State.LastEntryNumber;
        state.State.Entries[number] = new WaitingEntry(number, pupilId, addedOn, WaitingStatus.Waiting, null, null, null, requestId);
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
        state.State.UpdatedAt = clock.GetUtcNow();
        await outbox.CommitAsync(new OutboxMessage(OutboxMessageKind.LaWaitingEntry, id), new OutboxMessage(OutboxMessageKind.WaitingListChanged, id));
        return CommandResult<WaitingListEntryRecord>.Ok(Record(state.State.Entries[number]));
    }

    private Task DeliverAsync(OutboxMessage message) => message.Kind switch
    {
        OutboxMessageKind.LaWaitingEntry when Find(message.SubjectId) is { } entry => GrainFactory.GetGrain<ILocalAuthorityGrain>(LaCode)
            .UpdateWaitingEntryAsync(new WaitingFact(message.SubjectId, entry.PupilId, entry.AddedOn, WaitingListRules.IsOpen(entry.Status))),
        OutboxMessageKind.WaitingListChanged => GrainFactory.GetGrain<IChangeFeedGrain>(LaCode).AppendAsync(ChangeKind.WaitingList, message.SubjectId),
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
