namespace ApGrid.Grains;

/// <summary>
/// Owns an AP setting's places. Every reservation is decided here, one at a time, and written
/// before it is acknowledged, so two placements can never take the same place.
/// </summary>
public sealed class ApSettingGrain(
    [PersistentState("apSetting")] IPersistentState<ApSettingState> state, TimeProvider clock, IOptions<OutreachOptions> outreach, IOptions<PlacementHoursOptions> hours, ILogger<ApSettingGrain> logger)
    : OutboxGrain<ApSettingState>(state, s => s.Outbox, logger), IApSettingGrain
{
    private string Urn => GrainKeys.LocalIdOf(this.GetPrimaryKeyString());

    private string LaCode => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    // The offer as storage holds it, for the feed's "what changed".
    private ApCapacitySnapshot? stored;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        OnStateWritten();
        return base.OnActivateAsync(cancellationToken);
    }

    protected override void OnStateWritten() => stored = State.Profile is null ? null : Snapshot();

    protected override OutboxMessage Describe(OutboxMessage message) =>
        message is { Kind: OutboxMessageKind.CapacityChanged } && State.Profile is not null
            ? message with { Detail = ChangeDetails.Capacity(stored, Snapshot(), ActorContext.Role) }
            : message;

    public async Task<bool> CreateAsync(ApSettingProfile profile, ApAvailability availability)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(availability);
        if (State.Profile is not null) return false;

        State.Profile = profile;
        Apply(availability);
        await CommitAsync(profileChanged: true);
        return true;
    }

    public Task<ApCapacitySnapshot?> GetCapacityAsync() =>
        Task.FromResult(State.Profile is null ? null : Snapshot());

    public Task<IReadOnlyList<PlacementRef>> GetPlacementsAsync(bool active) => Task.FromResult<IReadOnlyList<PlacementRef>>(active
        ? [.. State.HeldPlaces.Select(p => new PlacementRef(p.Key, p.Value.PupilId))]
        : [.. State.ReleasedPlaces.Select(p => new PlacementRef(p.Key, p.Value))]);

    public async Task<CommandResult<ApCapacitySnapshot>> SetAvailabilityAsync(ApAvailability availability)
    {
        ArgumentNullException.ThrowIfNull(availability);
        if (State.Profile is null) return NotFound();

        var error = CapacityRules.CheckDistinctSessions(availability.Sessions.Select(s => s.Session))
            ?? CapacityRules.ValidateAvailability(
                availability.FullTimePlaces, availability.Sessions.ToDictionary(s => s.Session, s => s.Places), availability.OutreachHoursPerWeek,
                FullTimeUsed(), SessionUsed(), State.OutreachHoursAllocated)
            ?? CapacityRules.CheckOutreachCaseload(outreach.Value.Cap, availability.OutreachHoursPerWeek, State.OutreachAllocations.Count);
        if (error is not null) return CommandResult<ApCapacitySnapshot>.Fail(error);

        Apply(availability);
        await CommitAsync();
        return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
    }

    public async Task<CommandResult<ApCapacitySnapshot>> UpdateProfileAsync(ApSettingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (State.Profile is not { } current) return NotFound();

        // The approval is the assurance grain's to send, and the closure GIAS's: a profile edit carries neither in.
        State.Profile = profile with { Approval = current.Approval, ClosedOn = current.ClosedOn, Closed = current.Closed, GiasPlaces = current.GiasPlaces };
        await CommitAsync(profileChanged: true);
        return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
    }

    public async Task<CommandResult<ApCapacitySnapshot>> RecordGiasAsync(ApSettingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (State.Profile is not { } current) return NotFound();
        var error = ProviderProfileRules.Check(
            profile.Name, profile.Type, localReference: false, profile.Ukprn, profile.KeyStages, profile.Location.Latitude, profile.Location.Longitude, []);
        if (error is not null) return CommandResult<ApCapacitySnapshot>.Fail(error);

        var recorded = profile with
        {
            Contacts = current.Contacts,
            Address = current.Address,
            SessionTimes = current.SessionTimes,
            Approval = current.Approval,
            LocalReference = false,
            Registered = true,
        };
        if (Same(recorded, current)) return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
        State.Profile = recorded;
        await CommitAsync(profileChanged: true);
        return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
    }

    // Records compare lists by reference; a profile read back from storage holds new list instances.
    private static bool Same(ApSettingProfile a, ApSettingProfile b) =>
        a with { KeyStages = [], Specialisms = [], Contacts = [] } == b with { KeyStages = [], Specialisms = [], Contacts = [] }
        && a.KeyStages.SequenceEqual(b.KeyStages) && a.Specialisms.SequenceEqual(b.Specialisms) && a.Contacts.SequenceEqual(b.Contacts);

    public async Task<CommandResult<ApCapacitySnapshot>> SetContactsAsync(IReadOnlyList<ContactRecord> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        if (State.Profile is not { } current) return NotFound();
        var error = ProviderProfileRules.CheckContacts([.. contacts.Select(c => c.ToDomain())]);
        if (error is not null) return CommandResult<ApCapacitySnapshot>.Fail(error);

        State.Profile = current with { Contacts = [.. contacts] };
        await CommitAsync();
        return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
    }

    public async Task SetApprovalAsync(ProviderApproval approval)
    {
        ArgumentNullException.ThrowIfNull(approval);
        if (State.Profile is not { } current || current.Approval is { } held && held.Version >= approval.Version) return;

        State.Profile = current with { Approval = approval };
        await CommitAsync();
    }

    public async Task<CommandResult<ApCapacitySnapshot>> AllocateOutreachAsync(string requestId, double hours)
    {
        if (State.Profile is null) return NotFound();
        if (State.OutreachAllocations.ContainsKey(requestId)) return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
        var refused = OutreachAllocator.Fits(
            State.OutreachHoursPerWeek, State.OutreachHoursAllocated, State.OutreachAllocations.Count, hours, outreach.Value.Cap);
        if (refused is not null) return CommandResult<ApCapacitySnapshot>.Fail(refused);

        State.OutreachAllocations[requestId] = hours;
        State.OutreachHoursAllocated += hours;
        await CommitAsync();
        return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
    }

    public async Task<CommandResult<ApCapacitySnapshot>> ReservePlaceAsync(PlaceReservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        if (State.Profile is not { } profile) return NotFound();

        // A retried reservation holds the place it already has.
        if (State.HeldPlaces.ContainsKey(reservation.ReservationId))
        {
            return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
        }

        // Places already held stay until their placements move to the successor; no new one is taken.
        if (profile.Closed)
        {
            return CommandResult<ApCapacitySnapshot>.Fail(DomainError.Conflict("apUrn", $"{profile.Name} is closed (GIAS){(profile.ClosedOn is { } on ? $" since {on:yyyy-MM-dd}" : "")}: it takes no new placements."));
        }

        if (Check(profile, reservation, current: null) is { } error) return CommandResult<ApCapacitySnapshot>.Fail(error);
        State.HeldPlaces[reservation.ReservationId] = Held(reservation);
        await CommitAsync();
        return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
    }

    /// <summary>
    /// Swaps the place held for a placement for the one asked for in a single write, so an amended
    /// placement never holds both, or neither; checked as if its old place were already free.
    /// </summary>
    public async Task<CommandResult<ApCapacitySnapshot>> ChangePlaceAsync(PlaceReservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        if (State.Profile is not { } profile) return NotFound();
        if (!State.HeldPlaces.TryGetValue(reservation.ReservationId, out var current))
        {
            return CommandResult<ApCapacitySnapshot>.Fail(DomainError.NotFound("placementId", "The setting holds no place for this placement."));
        }

        var wanted = Held(reservation);
        if (current.FullTime == wanted.FullTime && current.Sessions.SequenceEqual(wanted.Sessions)) return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
        if (Check(profile, reservation, current) is { } error) return CommandResult<ApCapacitySnapshot>.Fail(error);
        State.HeldPlaces[reservation.ReservationId] = wanted;
        await CommitAsync();
        return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
    }

    public async Task<CommandResult<ApCapacitySnapshot>> ReleasePlaceAsync(string reservationId)
    {
        if (State.Profile is null) return NotFound();

        // Releasing twice is harmless: the second call finds nothing to free.
        if (State.HeldPlaces.Remove(reservationId, out var held))
        {
            State.ReleasedPlaces[reservationId] = held.PupilId;
            await CommitAsync();
        }

        return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
    }

    private static HeldPlace Held(PlaceReservation reservation) =>
        new(reservation.PupilId, reservation.FullTime, [.. reservation.Sessions.Distinct().Order()], reservation.OfCompulsorySchoolAge);

    /// <summary>The checks of a reservation; <paramref name="current"/> is the place it replaces, counted as free.</summary>
    private DomainError? Check(ApSettingProfile profile, PlaceReservation reservation, HeldPlace? current)
    {
        var request = new CapacityRequest(reservation.FullTime, reservation.Sessions);
        var fullTimeFree = FullTimeFree() + (current is { FullTime: true } ? 1 : 0);
        var sessionFree = SessionFree();
        foreach (var session in current?.Sessions ?? []) sessionFree[session]++;
        return CapacityRules.ValidateRequest(request)
            ?? CapacityRules.CheckKeyStage(profile.Name, profile.KeyStages, reservation.KeyStage)
            ?? CheckRegistration(profile, reservation, current)
            ?? (current is null ? ProviderApproval.CheckReservation(profile, reservation.PupilId, clock.Today()) : null)
            ?? CapacityRules.CheckReservation(fullTimeFree, sessionFree, request);
    }

    /// <summary>
    /// Full time is counted in hours at this setting's session times, for every placement it holds
    /// whatever the route, with the pupil's EHC and looked-after status as they are now.
    /// </summary>
    private DomainError? CheckRegistration(ApSettingProfile profile, PlaceReservation reservation, HeldPlace? current)
    {
        var threshold = hours.Value.RegistrationFullTimeHours;
        if (!IsFullTime(profile, Held(reservation), threshold)) return null;
        var others = State.HeldPlaces.Values.Where(p => !ReferenceEquals(p, current));
        return RegistrationRule.CheckFullTimePlacement(
            profile.Registered,
            new RegistrationCandidate(reservation.HasEhcPlan, reservation.LookedAfter, reservation.OfCompulsorySchoolAge),
            others.Count(p => p.OfCompulsorySchoolAge && IsFullTime(profile, p, threshold)));
    }

    private static bool IsFullTime(ApSettingProfile profile, HeldPlace place, double threshold) =>
        profile.Times.WeeklyHours(place.FullTime ? Sessions.All : place.Sessions) >= threshold;

    private void Apply(ApAvailability availability)
    {
        State.FullTimePlaces = availability.FullTimePlaces;
        State.SessionPlaces = Sessions.All.ToDictionary(
            s => s,
            s => availability.Sessions.FirstOrDefault(p => p.Session == s)?.Places ?? 0);
        State.OutreachHoursPerWeek = availability.OutreachHoursPerWeek;
    }

    /// <summary>Writes the change; the outbox then gives the LA's capacity index the new snapshot and tells the change feed.</summary>
    /// <summary>Writes the offer, then tells the LA's index and the feed; a new name also goes to the LA's registry.</summary>
    private Task CommitAsync(bool profileChanged = false)
    {
        State.Version++;
        State.UpdatedAt = clock.GetUtcNow();
        // A start or end that moves nothing shown outside the LA must not move its time either.
        if (stored is null || !stored.AsSeenOutsideLa().SameFigures(Snapshot().AsSeenOutsideLa())) State.PublicUpdatedAt = State.UpdatedAt;
        return Outbox.CommitAsync(
        [
            new OutboxMessage(OutboxMessageKind.LaCapacity, Urn),
            new OutboxMessage(OutboxMessageKind.CapacityChanged, Urn),
            .. profileChanged ? new[] { new OutboxMessage(OutboxMessageKind.LaRegistry, Urn) } : [],
        ]);
    }

    /// <summary>Idempotent: the index keeps the newest snapshot, and a second feed entry only tells subscribers to read again.</summary>
    protected override Task DeliverAsync(OutboxMessage message) => message.Kind switch
    {
        OutboxMessageKind.LaCapacity => GrainFactory.GetGrain<ILocalAuthorityGrain>(LaCode).UpdateCapacityAsync(Snapshot()),
        OutboxMessageKind.CapacityChanged => GrainFactory.GetGrain<IChangeFeedGrain>(LaCode).AppendAsync(ChangeKind.Capacity, Urn, message.Detail),
        OutboxMessageKind.LaRegistry when State.Profile is { } profile => GrainFactory.GetGrain<ILocalAuthorityGrain>(LaCode).RegisterApSettingAsync(new RegistryEntry(Urn, profile.Name)),
        _ => Task.CompletedTask,
    };

    private ApCapacitySnapshot Snapshot()
    {
        var used = SessionUsed();
        return new ApCapacitySnapshot(
            Urn,
            State.Profile!,
            State.FullTimePlaces,
            FullTimeFree(),
            [.. Sessions.All.Select(s => new SessionCapacity(
                s, State.SessionPlaces.GetValueOrDefault(s), State.SessionPlaces.GetValueOrDefault(s) - used.GetValueOrDefault(s)))],
            State.OutreachHoursPerWeek,
            State.OutreachHoursPerWeek - State.OutreachHoursAllocated,
            State.UpdatedAt,
            State.Version,
            State.OutreachAllocations.Count,
            State.PublicUpdatedAt);
    }

    private int FullTimeUsed() => State.HeldPlaces.Values.Count(p => p.FullTime);

    private int FullTimeFree() => State.FullTimePlaces - FullTimeUsed();

    private Dictionary<Session, int> SessionUsed() =>
        Sessions.All.ToDictionary(s => s, s => State.HeldPlaces.Values.Count(p => p.Sessions.Contains(s)));

    private Dictionary<Session, int> SessionFree()
    {
        var used = SessionUsed();
        return Sessions.All.ToDictionary(s => s, s => State.SessionPlaces.GetValueOrDefault(s) - used[s]);
    }

    private static CommandResult<ApCapacitySnapshot> NotFound() =>
        CommandResult<ApCapacitySnapshot>.Fail(DomainError.NotFound("urn", "No AP setting with that urn in your tenant."));
}
