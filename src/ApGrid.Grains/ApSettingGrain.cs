namespace ApGrid.Grains;

/// <summary>
/// Owns an AP setting's places. Every reservation is decided here, one at a time, and written
/// before it is acknowledged, so two placements can never take the same place.
/// </summary>
public sealed partial class ApSettingGrain(
    [PersistentState("apSetting")] IPersistentState<ApSettingState> state,
    TimeProvider clock,
    IOptions<OutreachOptions> outreach,
    IOptions<PlaceHoldOptions> holds,
    ILogger<ApSettingGrain> logger) : Grain, IApSettingGrain
{
    private bool announced = true;
    private IGrainTimer? holdCheck;

    private string Urn => GrainKeys.LocalIdOf(this.GetPrimaryKeyString());

    private string LaCode => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    /// <summary>
    /// Announces again a change that may not have been announced. Not from here but from a timer
    /// after activation: the LA's index rebuild activates its settings one call after another, and
    /// the LA, busy in that rebuild, would never take this setting's call to it.
    /// </summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Set only by CommitAsync, so a setting with the mark has its profile.
        if (state.State.AnnouncementPending)
        {
            announced = false;

            // Fires once (no period). A timer's turn carries no request context; the calls it makes are the setting's own tenant's.
            this.RegisterGrainTimer(_ => TenantContext.RunAsync(LaCode, AnnounceAsync), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        if (HasUnconfirmedHolds) WatchUnconfirmedHolds();
        return Task.CompletedTask;
    }

    /// <summary>Clears the pending mark once the last change is known announced, so the next activation does not repeat it.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (announced && state.State.AnnouncementPending)
        {
            state.State.AnnouncementPending = false;
            try
            {
                await state.WriteStateAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Harmless: the next activation announces the change once more.
                LogPendingClearFailed(logger, ex, Urn);
            }
        }
    }

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

        var sessionPlaces = ToDictionary(availability.Sessions, out var duplicate);
        if (duplicate is { } session)
        {
            return CommandResult<ApCapacitySnapshot>.Fail(
                DomainError.Validation("sessions", $"Session {session} is listed more than once."));
        }

        var error = CapacityRules.ValidateAvailability(
            availability.FullTimePlaces, sessionPlaces, availability.OutreachHoursPerWeek,
            FullTimeUsed(), SessionUsed(), state.State.OutreachHoursAllocated);
        if (error is not null) return CommandResult<ApCapacitySnapshot>.Fail(error);
        var caseload = state.State.OutreachAllocations.Count;
        if (outreach.Value.Cap.MaxPupils(availability.OutreachHoursPerWeek) < caseload)
        {
            return CommandResult<ApCapacitySnapshot>.Fail(DomainError.Conflict(
                "outreachHoursPerWeek", $"outreachHoursPerWeek is too few for the {caseload} pupils this setting already supports by outreach."));
        }

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
            ?? CheckKeyStage(profile, reservation.KeyStage)
            ?? CheckRegistration(profile, reservation)
            ?? CapacityRules.CheckReservation(FullTimeFree(), SessionFree(), request);
        if (error is not null) return CommandResult<ApCapacitySnapshot>.Fail(error);

        state.State.HeldPlaces[reservation.ReservationId] = new HeldPlace(
            reservation.PupilId, reservation.FullTime, [.. reservation.Sessions], reservation.OfCompulsorySchoolAge, clock.GetUtcNow());
        await CommitAsync();
        WatchUnconfirmedHolds();
        return CommandResult<ApCapacitySnapshot>.Ok(Snapshot());
    }

    public async Task ConfirmPlaceAsync(string reservationId)
    {
        if (state.State.HeldPlaces.GetValueOrDefault(reservationId) is not { UnconfirmedSince: not null } held) return;
        state.State.HeldPlaces[reservationId] = held with { UnconfirmedSince = null };

        // Capacity is unchanged, so nothing is announced and the version stays.
        await StoreAsync();
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

    /// <summary>Looks at unconfirmed holds every CheckPeriod while there are any.</summary>
    private void WatchUnconfirmedHolds() => holdCheck ??= this.RegisterGrainTimer(
        _ => TenantContext.RunAsync(LaCode, CheckUnconfirmedHoldsAsync), holds.Value.CheckPeriod, holds.Value.CheckPeriod);

    /// <summary>
    /// A hold unconfirmed for longer than a start can take was reserved by a start that died before
    /// the pupil wrote the placement, or whose confirmation was lost. The pupil says which: its
    /// read interleaves, so it answers even while it waits on this setting for a start of its own.
    /// </summary>
    private async Task CheckUnconfirmedHoldsAsync()
    {
        var due = clock.GetUtcNow() - holds.Value.ConfirmationTimeout;
        var stale = state.State.HeldPlaces.Where(h => h.Value.UnconfirmedSince is { } since && since <= due).ToList();
        bool confirmed = false, released = false;
        foreach (var (reservationId, held) in stale)
        {
            try
            {
                var pupil = await GrainFactory.GetGrain<IPupilGrain>(GrainKeys.For(LaCode, held.PupilId)).GetAsync();
                if (pupil?.Placements.Any(p => p.PlacementId == reservationId && p.ApUrn == Urn) == true)
                {
                    state.State.HeldPlaces[reservationId] = held with { UnconfirmedSince = null };
                    confirmed = true;
                }
                else
                {
                    state.State.HeldPlaces.Remove(reservationId);
                    released = true;
                    LogUnrecordedHoldReleased(logger, Urn, reservationId, held.PupilId);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Asked again next period.
                LogHoldCheckFailed(logger, ex, Urn, reservationId);
            }
        }

        if (released) await CommitAsync();
        else if (confirmed) await StoreAsync();

        if (!HasUnconfirmedHolds)
        {
            holdCheck?.Dispose();
            holdCheck = null;
        }
    }

    private static DomainError? CheckKeyStage(ApSettingProfile profile, KeyStage keyStage) =>
        profile.KeyStages.Contains(keyStage)
            ? null
            : DomainError.Validation("apUrn", $"{profile.Name} does not serve {keyStage}.");

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

    /// <summary>
    /// Writes the change, marked as not yet announced, then announces it. If the write fails the
    /// activation is dropped, so the next call starts again from what storage holds. If the process
    /// dies before the announcement, the mark makes the next activation announce it.
    /// </summary>
    private async Task CommitAsync()
    {
        state.State.Version++;
        state.State.UpdatedAt = clock.GetUtcNow();
        state.State.AnnouncementPending = true;
        announced = false;
        await StoreAsync();
        await AnnounceAsync();
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
            DeactivateOnIdle();
            throw;
        }
    }

    private bool HasUnconfirmedHolds => state.State.HeldPlaces.Values.Any(h => h.UnconfirmedSince is not null);

    /// <summary>
    /// Tells the LA's capacity index and appends to the feed. Repeating it is harmless: the index
    /// takes the newest snapshot, and a second feed entry only tells subscribers to read again.
    /// </summary>
    private async Task AnnounceAsync()
    {
        try
        {
            await GrainFactory.GetGrain<ILocalAuthorityGrain>(LaCode).UpdateCapacityAsync(Snapshot());
            await GrainFactory.GetGrain<IChangeFeedGrain>(LaCode).AppendAsync(ChangeKind.Capacity, Urn);
            announced = true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The change is stored and still marked pending: the next activation announces it.
            LogIndexUpdateFailed(logger, ex, Urn);
        }
    }

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

    private static Dictionary<Session, int> ToDictionary(IReadOnlyList<SessionPlaces> sessions, out Session? duplicate)
    {
        duplicate = null;
        var result = new Dictionary<Session, int>();
        foreach (var entry in sessions)
        {
            if (!result.TryAdd(entry.Session, entry.Places)) duplicate = entry.Session;
        }

        return result;
    }

    private static CommandResult<ApCapacitySnapshot> NotFound() =>
        CommandResult<ApCapacitySnapshot>.Fail(DomainError.NotFound("urn", "No AP setting with that urn in your tenant."));

    [LoggerMessage(Level = LogLevel.Warning, Message = "AP setting {Urn} gave back the place held for {ReservationId}: pupil {PupilId} never recorded that placement")]
    private static partial void LogUnrecordedHoldReleased(ILogger logger, string urn, string reservationId, string pupilId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AP setting {Urn} could not ask about its unconfirmed hold {ReservationId}; it asks again next period")]
    private static partial void LogHoldCheckFailed(ILogger logger, Exception ex, string urn, string reservationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcing the change to AP setting {Urn} failed; its next activation announces it again")]
    private static partial void LogIndexUpdateFailed(ILogger logger, Exception ex, string urn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clearing AP setting {Urn}'s pending announcement failed; its next activation announces its last change again")]
    private static partial void LogPendingClearFailed(ILogger logger, Exception ex, string urn);
}
