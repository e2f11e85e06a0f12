namespace ApGrid.Grains;

/// <summary>
/// A special school's places and its waiting list. The list is ordered here, one change at a time,
/// so positions stay 1..n without gaps however many adds arrive together; an offer holds a place
/// until it is answered, so two offers can never promise the same place.
/// </summary>
public sealed partial class SpecialSchoolGrain(
    [PersistentState("specialSchool")] IPersistentState<SpecialSchoolState> state,
    TimeProvider clock,
    ILogger<SpecialSchoolGrain> logger) : Grain, ISpecialSchoolGrain
{
    private string Urn => GrainKeys.LocalIdOf(this.GetPrimaryKeyString());

    private string LaCode => GrainKeys.TenantOf(this.GetPrimaryKeyString());

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
        await WriteAsync();
        await NotifyAsync(() => AppendChangeAsync(Urn));
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
        await WriteAsync();
        var entry = state.State.Entries[number];
        var record = Record(entry);
        await NotifyAsync(() => GrainFactory.GetGrain<ILocalAuthorityGrain>(LaCode)
            .UpdateWaitingEntryAsync(new WaitingFact(record.Id, entry.PupilId, entry.AddedOn, WaitingListRules.IsOpen(entry.Status))));
        await NotifyAsync(() => AppendChangeAsync(record.Id));
        return CommandResult<WaitingListEntryRecord>.Ok(record);
    }

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

    private async Task WriteAsync()
    {
        state.State.UpdatedAt = clock.GetUtcNow();
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

    private async Task AppendChangeAsync(string subjectId) =>
        await GrainFactory.GetGrain<IChangeFeedGrain>(LaCode).AppendAsync(ChangeKind.WaitingList, subjectId);

    /// <summary>After the list's own write the change is accepted; the LA's figures and the feed are told best effort (docs/architecture.md).</summary>
    private async Task NotifyAsync(Func<Task> notify)
    {
        try
        {
            await notify();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogNotifyFailed(logger, ex, Urn);
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Special school {Urn}: a change was stored but the LA or the change feed was not told")]
    private static partial void LogNotifyFailed(ILogger logger, Exception ex, string urn);
}
