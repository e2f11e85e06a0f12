namespace ApGrid.Grains;

/// <summary>
/// Owns an AP setting's places. Every reservation is decided here, one at a time, and written
/// before it is acknowledged, so two placements can never take the same place.
/// </summary>
public sealed class ApSettingGrain : Grain, IApSettingGrain
{
    private readonly IPersistentState<ApSettingState> state;
    private readonly TimeProvider clock;
    private readonly IOptions<OutreachOptions> outreach;
    private readonly Outbox<ApSettingState> outbox;

    public ApSettingGrain(
        [PersistentState("apSetting")] IPersistentState<ApSettingState> state, TimeProvider clock, IOptions<OutreachOptions> outreach, ILogger<ApSettingGrain> logger)
    {
        this.state = state;
        this.clock = clock;
        this.outreach = outreach;
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

    public async Task<bool> CreateAsync(ApSettingProfile profile, ApAvailability availability)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(availability);
        if (state.State.Profile is not null) return false;

        state.State.Profile = profile;
        Apply(availability);
        await CommitAsync();
        return true;
    }

    public Task<ApCapacitySnapshot?> GetCapacityAsync() =>
        Task.FromResult(state.State.Profile is null ? null : Snapshot());

    public Task<IReadOnlyList<PlacementRef>> GetPlacementsAsync(bool active) => Task.FromResult<IReadOnlyList<PlacementRef>>(active
        ? [.. state.State.HeldPlaces.Select(p => new PlacementRef(p.Key, p.Value.PupilId))]
        : [.. state.State.ReleasedPlaces.Select(p => new PlacementRef(p.Key, p.Value))]);

    public async Task<CommandResult<ApCapacitySnapshot>> SetAvailabilityAsync(ApAvailability availability)
    {
        ArgumentNullException.ThrowIfNull(availability);
        if (state.State.Profile is null) return NotFound();

        var error = CapacityRules.CheckDistinctSessions(availability.Sessions.Select(s => s.Session))
            ?? CapacityRules.ValidateAvailability(
                availability.FullTimePlaces, availability.Sessions.ToDictionary(s => s.Session, s => s.Places), availability.OutreachHoursPerWeek,
                FullTimeUsed(), SessionUsed(), state.State.OutreachHoursAllocated)
            ?? CapacityRules.CheckOutreachCaseload(outreach.Value.Cap, availability.OutreachHoursPerWeek, state.State.OutreachAllocations.Count);
        if (error is not null) return CommandResult<ApCapacitySnapshot>.Fail(error);

        Apply(availability);
        await CommitAsync();
        return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
    }

    public async Task<CommandResult<ApCapacitySnapshot>> AllocateOutreachAsync(string requestId, double hours)
    {
        if (state.State.Profile is null) return NotFound();
        if (state.State.OutreachAllocations.ContainsKey(requestId)) return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
        var refused = OutreachAllocator.Fits(
            state.State.OutreachHoursPerWeek, state.State.OutreachHoursAllocated, state.State.OutreachAllocations.Count, hours, outreach.Value.Cap);
        if (refused is not null) return CommandResult<ApCapacitySnapshot>.Fail(refused);

        state.State.OutreachAllocations[requestId] = hours;
        state.State.OutreachHoursAllocated += hours;
        await CommitAsync();
        return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
    }

    public async Task<CommandResult<ApCapacitySnapshot>> ReservePlaceAsync(PlaceReservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        if (state.State.Profile is not { } profile) return NotFound();

        // A retried reservation holds the place it already has.
        if (state.State.HeldPlaces.ContainsKey(reservation.ReservationId))
        {
            return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
        }

        var request = new CapacityRequest(reservation.FullTime, reservation.Sessions);
        var error = CapacityRules.ValidateRequest(request)
            ?? CapacityRules.CheckKeyStage(profile.Name, profile.KeyStages, reservation.KeyStage)
            ?? CheckRegistration(profile, reservation)
            ?? CapacityRules.CheckReservation(FullTimeFree(), SessionFree(), request);
        if (error is not null) return CommandResult<ApCapacitySnapshot>.Fail(error);

        state.State.HeldPlaces[reservation.ReservationId] = new HeldPlace(
            reservation.PupilId, reservation.FullTime, [.. reservation.Sessions], reservation.OfCompulsorySchoolAge);
        await CommitAsync();
        return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
    }

    public async Task<CommandResult<ApCapacitySnapshot>> ReleasePlaceAsync(string reservationId)
    {
        if (state.State.Profile is null) return NotFound();

        // Releasing twice is harmless: the second call finds nothing to free.
        if (state.State.HeldPlaces.Remove(reservationId, out var held))
        {
            state.State.ReleasedPlaces[reservationId] = held.PupilId;
            await CommitAsync();
        }

        return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
    }

    private DomainError? CheckRegistration(ApSettingProfile profile, PlaceReservation reservation) =>
        reservation.FullTime
            ? RegistrationRule.CheckFullTimePlacement(
                profile.Registered,
                new RegistrationCandidate(reservation.HasEhcPlan, reservation.LookedAfter, reservation.OfCompulsorySchoolAge),
                state.State.HeldPlaces.Values.Count(p => p.FullTime && p.OfCompulsorySchoolAge))
            : null;

    private void Apply(ApAvailability availability)
    {
        state.State.FullTimePlaces = availability.FullTimePlaces;
        state.State.SessionPlaces = Sessions.All.ToDictionary(
            s => s,
            s => availability.Sessions.FirstOrDefault(p => p.Session == s)?.Places ?? 0);
        state.State.OutreachHoursPerWeek = availability.OutreachHoursPerWeek;
    }

    /// <summary>Writes the change; the outbox then gives the LA's capacity index the new snapshot and tells the change feed.</summary>
    private Task CommitAsync()
    {
        state.State.Version++;
        state.State.UpdatedAt = clock.GetUtcNow();
        return outbox.CommitAsync(
            new OutboxMessage(OutboxMessageKind.LaCapacity, Urn),
            new OutboxMessage(OutboxMessageKind.CapacityChanged, Urn));
    }

    /// <summary>Idempotent: the index keeps the newest snapshot, and a second feed entry only tells subscribers to read again.</summary>
    private Task DeliverAsync(OutboxMessage message) => message.Kind switch
    {
        OutboxMessageKind.LaCapacity => GrainFactory.GetGrain<ILocalAuthorityGrain>(LaCode).UpdateCapacityAsync(Snapshot()),
        OutboxMessageKind.CapacityChanged => GrainFactory.GetGrain<IChangeFeedGrain>(LaCode).AppendAsync(ChangeKind.Capacity, Urn),
        _ => Task.CompletedTask,
    };

    private ApCapacitySnapshot Snapshot()
    {
        var used = SessionUsed();
        return new ApCapacitySnapshot(
            Urn,
            state.State.Profile!,
            state.State.FullTimePlaces,
            FullTimeFree(),
            [.. Sessions.All.Select(s => new SessionCapacity(
                s, state.State.SessionPlaces.GetValueOrDefault(s), state.State.SessionPlaces.GetValueOrDefault(s) - used.GetValueOrDefault(s)))],
            state.State.OutreachHoursPerWeek,
            state.State.OutreachHoursPerWeek - state.State.OutreachHoursAllocated,
            state.State.UpdatedAt,
            state.State.Version,
            state.State.OutreachAllocations.Count);
    }

    private int FullTimeUsed() => state.State.HeldPlaces.Values.Count(p => p.FullTime);

    private int FullTimeFree() => state.State.FullTimePlaces - FullTimeUsed();

    private Dictionary<Session, int> SessionUsed() =>
        Sessions.All.ToDictionary(s => s, s => state.State.HeldPlaces.Values.Count(p => p.Sessions.Contains(s)));

    private Dictionary<Session, int> SessionFree()
    {
        var used = SessionUsed();
        return Sessions.All.ToDictionary(s => s, s => state.State.SessionPlaces.GetValueOrDefault(s) - used[s]);
    }

    private static CommandResult<ApCapacitySnapshot> NotFound() =>
        CommandResult<ApCapacitySnapshot>.Fail(DomainError.NotFound("urn", "No AP setting with that urn in your tenant."));
}
