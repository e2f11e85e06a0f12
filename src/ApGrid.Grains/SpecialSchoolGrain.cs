namespace ApGrid.Grains;

/// <summary>
/// A special school's places and its waiting list. The list is ordered here, one change at a time,
/// so positions stay 1..n without gaps however many adds arrive together; an offer holds a place
/// until it is answered, so two offers can never promise the same place. What a change owes the
/// LA's waiting figures and the change feed goes through its outbox (<see cref="Outbox{TState}"/>).
/// </summary>
public sealed class SpecialSchoolGrain(
    [PersistentState("specialSchool")] IPersistentState<SpecialSchoolState> state, TimeProvider clock, ILogger<SpecialSchoolGrain> logger)
    : OutboxGrain<SpecialSchoolState>(state, s => s.Outbox, logger), ISpecialSchoolGrain
{
    private string Urn => GrainKeys.LocalIdOf(this.GetPrimaryKeyString());

    private string LaCode => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    public async Task<bool> CreateAsync(SpecialSchoolProfile profile, int places, int placesTaken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (State.Profile is not null) return false;
        State.Profile = profile;
        State.Places = places;
        State.PlacesTaken = placesTaken;
        State.UpdatedAt = clock.GetUtcNow();
        await Outbox.CommitAsync(new OutboxMessage(OutboxMessageKind.LaRegistry, Urn));
        return true;
    }

    public Task<SpecialSchoolSnapshot?> GetAsync() => Task.FromResult(State.Profile is null ? null : Snapshot());

    public async Task<CommandResult<SpecialSchoolSnapshot>> UpdateProfileAsync(SpecialSchoolProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (State.Profile is null) return CommandResult<SpecialSchoolSnapshot>.Fail(NoSuchSchool());
        if (ProviderProfileRules.CheckNameAndLocation(profile.Name, profile.Location.Latitude, profile.Location.Longitude) is { } error)
        {
            return CommandResult<SpecialSchoolSnapshot>.Fail(error);
        }

        State.Profile = profile with { ClosedOn = State.Profile.ClosedOn, Closed = State.Profile.Closed, Ukprn = State.Profile.Ukprn, Postcode = State.Profile.Postcode };
        State.UpdatedAt = clock.GetUtcNow();
        await Outbox.CommitAsync(new OutboxMessage(OutboxMessageKind.WaitingListChanged, Urn), new OutboxMessage(OutboxMessageKind.LaRegistry, Urn));
        return CommandResult<SpecialSchoolSnapshot>.Ok(Snapshot());
    }

    public async Task<CommandResult<SpecialSchoolSnapshot>> RecordGiasAsync(SpecialSchoolProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (State.Profile is not { } current) return CommandResult<SpecialSchoolSnapshot>.Fail(NoSuchSchool());
        if (ProviderProfileRules.CheckNameAndLocation(profile.Name, profile.Location.Latitude, profile.Location.Longitude) is { } error)
        {
            return CommandResult<SpecialSchoolSnapshot>.Fail(error);
        }

        if (current with { Designations = [] } == profile with { Designations = [] } && current.Designations.SequenceEqual(profile.Designations))
        {
            return CommandResult<SpecialSchoolSnapshot>.Ok(Snapshot());
        }

        State.Profile = profile;
        State.UpdatedAt = clock.GetUtcNow();
        await Outbox.CommitAsync(new OutboxMessage(OutboxMessageKind.WaitingListChanged, Urn), new OutboxMessage(OutboxMessageKind.LaRegistry, Urn));
        return CommandResult<SpecialSchoolSnapshot>.Ok(Snapshot());
    }

    public async Task<CommandResult<SpecialSchoolSnapshot>> SetPlacesAsync(int places)
    {
        if (State.Profile is null) return CommandResult<SpecialSchoolSnapshot>.Fail(NoSuchSchool());
        if (SpecialSchoolRules.ValidatePlaces(places, State.PlacesTaken + OffersOutstanding()) is { } error)
        {
            return CommandResult<SpecialSchoolSnapshot>.Fail(error);
        }

        State.Places = places;
        State.UpdatedAt = clock.GetUtcNow();
        await Outbox.CommitAsync(new OutboxMessage(OutboxMessageKind.WaitingListChanged, Urn));
        return CommandResult<SpecialSchoolSnapshot>.Ok(Snapshot());
    }

    public async Task<CommandResult<WaitingListEntryRecord>> AddEntryAsync(string pupilId, DateOnly addedOn, string requestId, bool parentalPreference = false, string? overrideReason = null)
    {
        if (State.Profile is null) return Fail(NoSuchSchool());

        // A repeat of an add this school already made (a retry, or the pupil's recovery) gets that entry.
        if (State.Entries.Values.FirstOrDefault(e => e.RequestId == requestId && e.PupilId == pupilId) is { } made)
        {
            return CommandResult<WaitingListEntryRecord>.Ok(Record(made));
        }

        if (State.Profile.Closed)
        {
            return Fail(DomainError.Conflict("specialSchoolUrn", $"{State.Profile.Name} is closed (GIAS): it keeps no new waiting-list entries."));
        }

        if (WaitingListRules.ValidateAddedOn(addedOn, clock.Today()) is { } invalid) return Fail(invalid);
        if (State.Entries.Values.Any(e => e.PupilId == pupilId && WaitingListRules.IsOpen(e.Status)))
        {
            return Fail(DomainError.Conflict("pupilId", "The pupil is already on this special school's waiting list."));
        }

        var number = ++State.LastEntryNumber;
        State.Entries[number] = new WaitingEntry(number, pupilId, addedOn, WaitingStatus.Waiting, null, null, null, requestId, parentalPreference, overrideReason, WaitingListIds.NewKey());
        return await CommitAsync(number);
    }

    public Task<IReadOnlyList<WaitingListEntryRecord>> GetWaitingListAsync()
    {
        var positions = Positions();
        return Task.FromResult<IReadOnlyList<WaitingListEntryRecord>>([.. State.Entries.Values
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

        State.Entries[entry.Number] = entry with
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

        State.Entries[entry.Number] = entry with { Status = answered, ClosedOn = clock.Today() };
        if (accepted) State.PlacesTaken++;
        return await CommitAsync(entry.Number);
    }

    public async Task<CommandResult<WaitingListEntryRecord>> RemoveEntryAsync(string entryId)
    {
        if (Find(entryId) is not { } entry) return Fail(NoSuchEntry());
        if (!WaitingListRules.IsOpen(entry.Status)) return CommandResult<WaitingListEntryRecord>.Ok(Record(entry));

        // An offer still held goes back to the pool with the entry.
        State.Entries[entry.Number] = entry with { Status = WaitingStatus.Removed, ClosedOn = clock.Today() };
        return await CommitAsync(entry.Number);
    }

    /// <summary>Writes the list, then tells the LA's running figures and the change feed.</summary>
    private async Task<CommandResult<WaitingListEntryRecord>> CommitAsync(int number)
    {
        var id = State.Entries[number].IdIn(Urn);
        State.UpdatedAt = clock.GetUtcNow();
        await Outbox.CommitAsync(new OutboxMessage(OutboxMessageKind.LaWaitingEntry, id), new OutboxMessage(OutboxMessageKind.WaitingListChanged, id));
        return CommandResult<WaitingListEntryRecord>.Ok(Record(State.Entries[number]));
    }

    protected override OutboxMessage Describe(OutboxMessage message) => message is { Kind: OutboxMessageKind.WaitingListChanged }
        ? message with { Detail = ChangeDetails.Plain(ChangeAction.WaitingListChanged, Find(message.SubjectId) is null ? "A special school's places changed." : "A waiting-list entry changed.", ActorContext.Role) }
        : message;

    protected override Task DeliverAsync(OutboxMessage message) => message.Kind switch
    {
        OutboxMessageKind.LaWaitingEntry when Find(message.SubjectId) is { } entry => GrainFactory.GetGrain<ILocalAuthorityGrain>(LaCode)
            .UpdateWaitingEntryAsync(new WaitingFact(message.SubjectId, entry.PupilId, entry.AddedOn, WaitingListRules.IsOpen(entry.Status))),
        OutboxMessageKind.LaRegistry when State.Profile is { } profile => GrainFactory.GetGrain<ILocalAuthorityGrain>(LaCode).RegisterSpecialSchoolAsync(new RegistryEntry(Urn, profile.Name)),
        OutboxMessageKind.WaitingListChanged => GrainFactory.GetGrain<IChangeFeedGrain>(LaCode).AppendAsync(ChangeKind.WaitingList, message.SubjectId, message.Detail),
        _ => Task.CompletedTask,
    };

    /// <summary>1-based positions of the waiting entries: by date added, then by arrival.</summary>
    private Dictionary<int, int> Positions()
    {
        var position = 0;
        return State.Entries.Values
            .Where(e => e.Status == WaitingStatus.Waiting)
            .OrderBy(e => e.AddedOn)
            .ThenBy(e => e.Number)
            .ToDictionary(e => e.Number, _ => ++position);
    }

    /// <summary>One entry's position without ordering the whole list: the waiting entries ahead of it, plus one.</summary>
    private int? PositionOf(WaitingEntry entry) => entry.Status != WaitingStatus.Waiting
        ? null
        : 1 + State.Entries.Values.Count(e => e.Status == WaitingStatus.Waiting
            && (e.AddedOn < entry.AddedOn || (e.AddedOn == entry.AddedOn && e.Number < entry.Number)));

    private WaitingEntry? Find(string entryId)
    {
        if (WaitingListIds.SchoolOf(entryId) != Urn || WaitingListIds.NumberOf(entryId) is not { } number) return null;
        return State.Entries.GetValueOrDefault(number) is { } entry && entry.IdIn(Urn) == entryId ? entry : null;
    }

    private WaitingListEntryRecord Record(WaitingEntry entry) => Record(entry, PositionOf(entry));

    private WaitingListEntryRecord Record(WaitingEntry entry, Dictionary<int, int> positions) =>
        Record(entry, positions.TryGetValue(entry.Number, out var position) ? position : null);

    private WaitingListEntryRecord Record(WaitingEntry entry, int? position) => new(
        entry.IdIn(Urn),
        entry.PupilId,
        Urn,
        entry.AddedOn,
        entry.Status,
        position,
        entry.OfferedOn,
        entry.OfferReason,
        entry.ClosedOn,
        entry.ParentalPreference,
        entry.OverrideReason);

    private int OffersOutstanding() => State.Entries.Values.Count(e => e.Status == WaitingStatus.Offered);

    private int PlacesFree() => State.Places - State.PlacesTaken - OffersOutstanding();

    private SpecialSchoolSnapshot Snapshot() => new(
        Urn,
        State.Profile!,
        State.Places,
        PlacesFree(),
        State.UpdatedAt);

    private static DomainError NoSuchSchool() => DomainError.NotFound("urn", "No such special school.");

    private static DomainError NoSuchEntry() => DomainError.NotFound("entryId", "No such waiting-list entry.");

    private static CommandResult<WaitingListEntryRecord> Fail(DomainError error) => CommandResult<WaitingListEntryRecord>.Fail(error);
}
