namespace ApGrid.Grains;

/// <summary>
/// Owns a pupil's record, referrals, placements, EHC case and waiting-list entries, and coordinates
/// the steps that involve other grains (registering the UPN, reserving a place, joining a waiting
/// list) through its outbox (<see cref="Outbox{TState}"/>): the intent is written before the first
/// call out, so a process killed part-way leaves a step the outbox completes or undoes.
/// </summary>
// Pupils are the one grain population that grows with the country (600,000 in England), and a
// record is read in a burst by one person and then left; the default 15 minutes would hold a whole
// day's reads in memory. Coming back costs one storage read of about 100 bytes.
[CollectionAgeLimit(Minutes = 2)]
public sealed class PupilGrain(
    [PersistentState("pupil")] IPersistentState<PupilState> state,
    TimeProvider clock,
    IOptions<PlacementHoursOptions> hours,
    IOptions<RetentionOptions> retention,
    ILogger<PupilGrain> logger)
    : OutboxGrain<PupilState>(state, s => s.Outbox, logger), IPupilGrain
{
    private string PupilId => GrainKeys.LocalIdOf(this.GetPrimaryKeyString());

    private string LaCode => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    private ILocalAuthorityGrain La => GrainFactory.GetGrain<ILocalAuthorityGrain>(LaCode);

    // What storage holds, for the feed's "what changed": records are immutable, so copies of the lists suffice.
    private (PlacementRecord[] Placements, ReferralRecord[] Referrals, EhcpCaseRecord? Ehcp) stored = ([], [], null);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        OnStateWritten();
        return base.OnActivateAsync(cancellationToken);
    }

    protected override void OnStateWritten() => stored = ([.. State.Placements], [.. State.Referrals], State.Ehcp);

    /// <summary>A feed message gets what changed since the last write, and who changed it.</summary>
    protected override OutboxMessage Describe(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var subject = message.SubjectId;
        return message.Kind switch
        {
            OutboxMessageKind.PlacementChanged when State.Placements.Find(p => p.PlacementId == subject) is { } placement =>
                message with { Detail = ChangeDetails.Placement(Array.Find(stored.Placements, p => p.PlacementId == subject), placement, ActorContext.Role) },
            OutboxMessageKind.ReferralChanged when FindReferral(subject) is { } referral =>
                message with { Detail = ChangeDetails.Referral(Array.Find(stored.Referrals, r => r.Id == subject), referral, ActorContext.Role) },
            OutboxMessageKind.EhcpChanged when State.Ehcp is { } ehcp =>
                message with { Detail = ChangeDetails.Ehcp(stored.Ehcp, ehcp, ActorContext.Role) },
            OutboxMessageKind.MissingEducationRaised =>
                message with { Detail = ChangeDetails.Plain(ChangeAction.MissingEducation, "A placement ended with the child's destination unknown: a child missing education.", ActorContext.Role) },
            _ => message,
        };
    }

    /// <summary>
    /// Claims the UPN at the LA (unique within it), records the pupil and has the home school list
    /// them. The intent is stored first: a registration killed after its claim gives the UPN back.
    /// </summary>
    public Task<CommandResult<PupilSnapshot>> RegisterAsync(PupilRecord record) => RegisterAsync(record, registeredBy: null);

    public Task<CommandResult<PupilSnapshot>> RegisterFromSchoolAsync(PupilRecord record, string registeredBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registeredBy);
        return RegisterAsync(record, registeredBy);
    }

    /// <summary>
    /// Withdraws this registration, which the LA found to hold another record's UPN; a transfer also
    /// moves that record to this registration's school. Only a registration nothing has been built on
    /// yet: referrals, placements and the rest belong on the child's one record.
    /// </summary>
    public async Task<CommandResult<UpnMatch>> ResolveUpnMatchAsync(UpnMatchDecision decision, string decidedBy)
    {
        if (State.Record is not { } record || State.UpnMatch is not { Decision: null } match)
        {
            return CommandResult<UpnMatch>.Fail(DomainError.NotFound("pupilId", "No open UPN match for this pupil."));
        }

        if (State.Referrals.Count > 0 || State.Placements.Count > 0 || State.Ehcp is not null || State.WaitingListEntryIds.Count > 0
            || State.Exclusions.Count > 0 || State.PendingWaitingListAdds.Count > 0 || State.PendingPlacementStarts.Count > 0)
        {
            return CommandResult<UpnMatch>.Fail(DomainError.Conflict("pupilId",
                "This registration already has referrals, placements, an EHC case, exclusions or waiting-list entries: move them to the child's existing record first."));
        }

        match = match with { Decision = decision, DecidedBy = decidedBy, DecidedAt = clock.GetUtcNow() };
        State.UpnMatch = match;
        State.Record = null;
        State.Corrections.Clear();
        State.Timetables.Clear();
        List<OutboxMessage> messages = [Message(OutboxMessageKind.SchoolPupilRemoved, record.HomeSchoolUrn), Message(OutboxMessageKind.LaUpnMatch, PupilId)];
        if (decision == UpnMatchDecision.Transfer) messages.Add(Message(OutboxMessageKind.UpnMatchTransfer, match.ExistingPupilId));
        await Outbox.CommitAsync([.. messages]);
        return CommandResult<UpnMatch>.Ok(match);
    }

    private async Task<CommandResult<PupilSnapshot>> RegisterAsync(PupilRecord record, string? registeredBy)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (State.Record is not null || State.Erasure is not null)
        {
            return Fail(DomainError.Conflict("pupilId", "This pupil is already registered."));
        }

        var today = clock.Today();
        var invalid = PupilRules.CheckPostcode(record.HomePostcode, out var postcode)
            ?? PupilRules.Validate(record.Upn, record.Initials, record.DateOfBirth, record.YearGroupOn(today), today);
        if (invalid is not null) return Fail(invalid);
        record = record with { HomePostcode = postcode };

        State.PendingRegistration = record;
        var holder = await Outbox.RunStepAsync(
            Message(OutboxMessageKind.RegistrationResolved, PupilId), () => La.ClaimUpnAsync(record.Upn, PupilId));
        State.PendingRegistration = null;
        if (holder != PupilId && registeredBy is null)
        {
            await Outbox.WriteAsync();
            return Fail(DomainError.Validation("upn", "A pupil with this UPN is already registered in this LA; a UPN is unique within the LA."));
        }

        State.Record = record;
        List<OutboxMessage> messages = [new OutboxMessage(OutboxMessageKind.SchoolPupilAdded, record.HomeSchoolUrn)];
        if (holder != PupilId)
        {
            // The school is answered exactly as for a new UPN; the LA resolves the match.
            State.UpnMatch = new UpnMatch(PupilId, holder, record.Upn, record.HomeSchoolUrn, registeredBy!, clock.GetUtcNow());
            messages.Add(Message(OutboxMessageKind.LaUpnMatch, PupilId));
        }

        await Outbox.CommitAsync([.. messages]);
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> CorrectRecordAsync(PupilRecordChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (State.Record is not { } before) return PupilNotFound();
        var reason = string.IsNullOrWhiteSpace(change.Reason) ? null : change.Reason.Trim();
        string? postcode = before.HomePostcode;
        var today = clock.Today();
        var dateOfBirth = change.DateOfBirth ?? before.DateOfBirth;
        var offset = change.YearGroupOffset ?? before.YearGroupOffset;
        var error = PupilRules.ValidateCorrection(dateOfBirth, offset, today, dateOfBirth != before.DateOfBirth, reason)
            ?? (change.HomePostcode is null ? null : PupilRules.CheckPostcode(change.HomePostcode, out postcode));
        if (error is not null) return Fail(error);

        var after = before with
        {
            DateOfBirth = dateOfBirth,
            YearGroupOffset = offset,
            SenProvision = change.SenProvision ?? before.SenProvision,
            PrimaryNeed = change.PrimaryNeed ?? before.PrimaryNeed,
            LookedAfter = change.LookedAfter ?? before.LookedAfter,
            HomeSchoolUrn = change.HomeSchoolUrn ?? before.HomeSchoolUrn,
            HomePostcode = postcode,
        };
        if (after == before) return Ok();

        State.Record = after;
        State.Corrections.Add(new PupilCorrection(clock.GetUtcNow(), change.By, reason, before, after));
        List<OutboxMessage> messages = [];
        if (after.HomeSchoolUrn != before.HomeSchoolUrn)
        {
            messages.Add(Message(OutboxMessageKind.SchoolPupilAdded, after.HomeSchoolUrn));
            messages.Add(Message(OutboxMessageKind.SchoolPupilRemoved, before.HomeSchoolUrn));
        }

        // The LA's tracker files the case by school and dates its phase transfer from the year group.
        var tracked = after.HomeSchoolUrn != before.HomeSchoolUrn || after.DateOfBirth != before.DateOfBirth || after.YearGroupOffset != before.YearGroupOffset;
        if (State.Ehcp is not null && tracked) messages.Add(Message(OutboxMessageKind.LaEhcpCase, PupilId));

        // The LA's aggregates keep the date of birth of pupils in AP (ages, the leaving date): a corrected one replaces it.
        if (after.DateOfBirth != before.DateOfBirth && State.Placements.Find(p => p.IsActive) is { } active)
        {
            messages.Add(Message(OutboxMessageKind.LaPlacementStarted, active.PlacementId));
        }

        await Outbox.CommitAsync([.. messages]);
        return Ok();
    }

    public Task<PupilSnapshot?> GetAsync() => Task.FromResult(State.Record is null ? null : Snapshot());

    public async Task<CommandResult<PupilSnapshot>> SubmitReferralAsync(string reason, IReadOnlyList<string> strategiesTried, DateOnly submittedOn)
    {
        if (State.Record is null) return PupilNotFound();
        if (ReferralRules.ValidateSubmission(reason, strategiesTried) is { } invalid) return Fail(invalid);
        if (submittedOn > clock.Today()) return Fail(DomainError.Validation("submittedOn", "A referral cannot be dated in the future."));
        if (State.Referrals.Any(r => r.Status is ReferralStatus.Submitted or ReferralStatus.Approved))
        {
            return Fail(DomainError.Conflict("pupilId", "The pupil already has an open referral; decide or withdraw it first."));
        }

        var id = PupilScopedIds.Referral(PupilId, State.Referrals.Count + 1);
        State.Referrals.Add(new ReferralRecord(
            id, submittedOn, reason.Trim(), [.. strategiesTried.Select(s => s.Trim())], ReferralStatus.Submitted,
            DecidedOn: null, PanelMembers: [], ParentalConsent: false, ConsentNoticeGivenOn: null, PlacementId: null));
        await Outbox.CommitAsync(Message(OutboxMessageKind.ReferralChanged, id));
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> RecordParentalConsentAsync(string referralId, DateOnly noticeGivenOn)
    {
        if (FindReferral(referralId) is not { } referral) return ReferralNotFound();
        if (referral.Status is not (ReferralStatus.Submitted or ReferralStatus.Approved))
        {
            return Fail(DomainError.Conflict("referralId", $"Consent cannot be recorded on a {ContractNames.Of(referral.Status)} referral."));
        }

        if (ConsentRules.ValidateNotice(noticeGivenOn, referral.SubmittedOn, clock.Today()) is { } invalid) return Fail(invalid);
        Replace(referral, referral with { ParentalConsent = true, ConsentNoticeGivenOn = noticeGivenOn });
        await Outbox.CommitAsync(Message(OutboxMessageKind.ReferralChanged, referralId));
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> DecideReferralAsync(string referralId, bool approved, IReadOnlyList<string> panelMembers, DateOnly decidedOn)
    {
        if (FindReferral(referralId) is not { } referral) return ReferralNotFound();
        var to = approved ? ReferralStatus.Approved : ReferralStatus.Declined;
        var error = ReferralRules.CheckTransition(referral.Status, to)
            ?? ReferralRules.ValidateDecision(panelMembers, decidedOn, referral.SubmittedOn, clock.Today());
        if (error is not null) return Fail(error);

        Replace(referral, referral with { Status = to, DecidedOn = decidedOn, PanelMembers = [.. panelMembers.Select(m => m.Trim())] });
        await Outbox.CommitAsync(Message(OutboxMessageKind.ReferralChanged, referralId));
        return Ok();
    }

    /// <summary>
    /// Reserves the place at the AP setting, then records the placement. The intent is stored
    /// before the reservation: a start killed in between is resolved by the outbox, which gives the
    /// place back unless the placement was recorded.
    /// </summary>
    public async Task<CommandResult<PupilSnapshot>> StartPlacementAsync(PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (State.Record is not { } record) return PupilNotFound();
        if (string.IsNullOrEmpty(request.PlacementId)) request = request with { PlacementId = NewPlacementId() };

        // A retry with the same key, or of the same placement, gets the placement it already started.
        var already = request.IdempotencyKey is { } key && State.PlacementsByIdempotencyKey.TryGetValue(key, out var keyed)
            ? keyed
            : request.PlacementId;
        if (State.Placements.Exists(p => p.PlacementId == already))
        {
            await Outbox.DeliverAsync();
            return Ok();
        }

        // A start cut short earlier gives its place back before this one asks for a place.
        if (State.PendingPlacementStarts.Count > 0) await Outbox.DeliverAsync();
        var referral = request.ReferralId is null ? null : FindReferral(request.ReferralId);
        if (request.ReferralId is not null && referral is null) return ReferralNotFound();
        if (await CheckStartAsync(record, request, referral, replacing: null) is { } error) return Fail(error);

        if (await ReserveAsync(record, request) is { } refused) return CommandResult<PupilSnapshot>.Fail(refused);
        State.Placements.Add(NewPlacement(request));
        if (referral is not null) Replace(referral, referral with { Status = ReferralStatus.Placed, PlacementId = request.PlacementId });
        if (request.IdempotencyKey is { } newKey) State.PlacementsByIdempotencyKey[newKey] = request.PlacementId;
        await Outbox.CommitAsync(
        [
            Message(OutboxMessageKind.LaPlacementStarted, request.PlacementId),
            Message(OutboxMessageKind.PlacementChanged, request.PlacementId),
            .. PackageMessage(request.Route),
            .. (referral is null ? [] : new[] { Message(OutboxMessageKind.ReferralChanged, referral.Id) }),
        ]);
        return Ok();
    }

    /// <summary>
    /// Moves a live placement to another setting without a new panel: the new place is reserved
    /// first (through the outbox, as a start), then the old one ends and its place goes back, so
    /// the pupil never holds neither. Same route, referral, objectives and plan; history kept.
    /// </summary>
    public async Task<CommandResult<PupilSnapshot>> TransferPlacementAsync(string placementId, string toApUrn, DateOnly onDate, IReadOnlyList<Session>? sessions, bool? fullTime, string by)
    {
        if (State.Record is not { } record) return PupilNotFound();
        if (State.Placements.Find(p => p.PlacementId == placementId) is not { } moving) return PlacementNotFound();
        if (!moving.IsActive) return Fail(DomainError.Conflict("placementId", "The placement has ended; start a new one instead."));
        if (toApUrn == moving.ApUrn) return Fail(DomainError.Validation("toApUrn", "The pupil is already placed there; amend the placement's sessions instead."));
        var today = clock.Today();
        if (onDate < moving.StartDate || onDate > today)
        {
            return Fail(DomainError.Validation("date", $"A transfer is recorded on the day it happens, between the start ({moving.StartDate:yyyy-MM-dd}) and today ({today:yyyy-MM-dd})."));
        }

        var request = new PlacementRequest(
            NewPlacementId(), toApUrn, onDate, moving.PlannedEndDate, fullTime ?? moving.FullTime, sessions ?? moving.Sessions, moving.ReferralId,
            moving.Objectives, moving.ReviewEveryWeeks, Route: moving.Route, Notice: moving.Notice, Tier: moving.Tier, ConsentGivenOn: moving.ConsentGivenOn,
            TransferredFrom: moving.PlacementId, ExclusionId: moving.ExclusionId, By: by);
        if (await CheckStartAsync(record, request, referral: null, replacing: moving) is { } error) return Fail(error);

        if (await ReserveAsync(record, request) is { } refused) return CommandResult<PupilSnapshot>.Fail(refused);
        Replace(moving, moving with { EndDate = onDate, Outcome = PlacementOutcome.MovedToOtherAp, Destination = new PlacementDestination(DestinationKind.OtherAp, toApUrn, null) });
        State.Placements.Add(NewPlacement(request));
        await Outbox.CommitAsync(
            Message(OutboxMessageKind.SettingPlaceReleased, moving.PlacementId),
            Message(OutboxMessageKind.LaPlacementEnded, moving.PlacementId),
            Message(OutboxMessageKind.LaPlacementStarted, request.PlacementId),
            Message(OutboxMessageKind.PlacementChanged, moving.PlacementId),
            Message(OutboxMessageKind.PlacementChanged, request.PlacementId));
        return Ok();
    }

    /// <summary>
    /// Changes a live placement's sessions or planned end from a date (a phased return steps AP
    /// sessions down as school sessions step up). The setting swaps the place in one write; the
    /// outbox puts the setting back to the recorded sessions if the change dies before it is recorded.
    /// </summary>
    public async Task<CommandResult<PupilSnapshot>> AmendPlacementAsync(
        string placementId, DateOnly effectiveFrom, IReadOnlyList<Session>? sessions, bool? fullTime, DateOnly? plannedEndDate, string? reason, string by)
    {
        if (State.Record is not { } record) return PupilNotFound();
        if (State.Placements.Find(p => p.PlacementId == placementId) is not { } placement) return PlacementNotFound();
        if (!placement.IsActive) return Fail(DomainError.Conflict("placementId", "The placement has ended."));
        var newFullTime = fullTime ?? (sessions is null && placement.FullTime);
        var newSessions = newFullTime ? [] : sessions ?? placement.Sessions;
        var newEnd = plannedEndDate ?? placement.PlannedEndDate;
        var error = PlacementRules.ValidateAmendment(effectiveFrom, placement.StartDate, newEnd, clock.Today())
            ?? CapacityRules.ValidateRequest(new CapacityRequest(newFullTime, newSessions))
            ?? PackageRules.CheckNoOverlap(newFullTime ? Sessions.All : newSessions, OtherBookings(placement.PlacementId))
            ?? PupilRules.CheckWithinSchoolAge(record.DateOfBirth, placement.StartDate, newEnd)
            ?? await CheckHomeSchoolTimeAsync(placement.ApUrn, placement.Route, newFullTime ? Sessions.All : newSessions, placement.PlacementId);
        if (error is not null) return Fail(error);

        var amended = placement with
        {
            FullTime = newFullTime,
            Sessions = [.. newSessions.Distinct().Order()],
            PlannedEndDate = newEnd,
            ApRegistration = PlacementRules.ApRegistration(newFullTime),
        };
        if (amended.BookedSessions.SequenceEqual(placement.BookedSessions) && newEnd == placement.PlannedEndDate) return Ok();
        if (!amended.BookedSessions.SequenceEqual(placement.BookedSessions))
        {
            var changed = await Outbox.RunStepAsync(
                Message(OutboxMessageKind.PlacementPlaceResolved, placementId),
                () => Setting(placement.ApUrn).ChangePlaceAsync(Reservation(record, placementId, newFullTime, newSessions, effectiveFrom)));
            if (changed.Error is { } refused)
            {
                await Outbox.WriteAsync();
                return CommandResult<PupilSnapshot>.Fail(refused);
            }
        }

        var change = new PlacementChange(effectiveFrom, clock.GetUtcNow(), by, placement.BookedSessions, amended.BookedSessions, placement.PlannedEndDate, newEnd, Trimmed(reason));
        amended = amended with { Changes = [.. placement.ChangeList, change] };
        if (placement.LaNotificationStatus is { } status && LaNotificationRules.NeedsRenotifying(status))
        {
            amended = amended with { LaNotification = [.. placement.LaNotification!, new LaNotificationEntry(change.RecordedAt, LaNotificationStep.Changed, by, Trimmed(reason))] };
        }

        Replace(placement, amended);
        await Outbox.CommitAsync(Message(OutboxMessageKind.PlacementChanged, placementId));
        return Ok();
    }

    /// <summary>The home school's sessions and any tuition from a date: below a full week, a part-time timetable, agreed and time-limited.</summary>
    public async Task<CommandResult<PupilSnapshot>> SetTimetableAsync(PupilTimetable timetable)
    {
        ArgumentNullException.ThrowIfNull(timetable);
        if (State.Record is null) return PupilNotFound();
        var today = clock.Today();
        if (timetable.EffectiveFrom > today.AddDays(366) || timetable.EffectiveFrom < today.AddDays(-366))
        {
            return Fail(DomainError.Validation("effectiveFrom", "effectiveFrom must be within a year of today."));
        }

        if (State.Timetables.LastOrDefault() is { } last && timetable.EffectiveFrom < last.EffectiveFrom)
        {
            return Fail(DomainError.Validation("effectiveFrom", $"effectiveFrom cannot be before the timetable already recorded from {last.EffectiveFrom:yyyy-MM-dd}."));
        }

        var clash = State.Placements.Where(p => p.RunsOn(timetable.EffectiveFrom) || (p.IsActive && p.StartDate > timetable.EffectiveFrom))
            .Select(p => (SettingName: $"the placement {p.PlacementId}", Sessions: p.SessionsOn(timetable.EffectiveFrom)));
        var check = Snapshot() with { Timetables = [.. State.Timetables.Where(t => t.EffectiveFrom < timetable.EffectiveFrom), timetable] };
        var partTime = check.PackageOn(timetable.EffectiveFrom, hours.Value.FullWeekHours).PartTime;
        var error = PackageRules.CheckNoOverlap(timetable.HomeSchoolSessions, clash)
            ?? PackageRules.ValidateTimetable(timetable.TuitionHoursPerWeek, timetable.PartTimeAgreedBy, timetable.PartTimeEndsOn, partTime, today);
        if (error is not null) return Fail(error);

        State.Timetables.RemoveAll(t => t.EffectiveFrom == timetable.EffectiveFrom);
        State.Timetables.Add(timetable with { HomeSchoolSessions = [.. timetable.HomeSchoolSessions.Distinct().Order()], PartTimeAgreedBy = Trimmed(timetable.PartTimeAgreedBy) });
        await Outbox.CommitAsync(Message(OutboxMessageKind.LaPackage, PupilId));
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> WithdrawReferralAsync(string referralId, string reason)
    {
        if (FindReferral(referralId) is not { } referral) return ReferralNotFound();
        if (ReferralRules.CheckTransition(referral.Status, ReferralStatus.Withdrawn) is { } error) return Fail(error);
        if (string.IsNullOrWhiteSpace(reason)) return Fail(DomainError.Validation("reason", "Say why the referral is withdrawn."));
        Replace(referral, referral with { Status = ReferralStatus.Withdrawn, DecidedOn = clock.Today(), WithdrawnReason = reason.Trim() });
        await Outbox.CommitAsync(Message(OutboxMessageKind.ReferralChanged, referralId));
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> SetReintegrationPlanAsync(string placementId, ReintegrationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (State.Placements.Find(p => p.PlacementId == placementId) is not { } placement) return PlacementNotFound();
        if (!placement.IsActive) return Fail(DomainError.Conflict("placementId", "The placement has ended."));
        if (EndingRules.ValidateReintegrationPlan(plan.TargetDate, plan.Steps, placement.StartDate) is { } error) return Fail(error);
        Replace(placement, placement with { Reintegration = plan with { Steps = [.. plan.Steps.Select(s => s.Trim())] } });
        await Outbox.CommitAsync(Message(OutboxMessageKind.PlacementChanged, placementId));
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> RecordReintegrationCheckInAsync(string placementId, ReintegrationCheckIn checkIn)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        if (State.Placements.Find(p => p.PlacementId == placementId) is not { } placement) return PlacementNotFound();
        if (placement is not { EndDate: { } ended, Outcome: PlacementOutcome.ReturnedToMainstream })
        {
            return Fail(DomainError.Conflict("placementId", "A check-in follows a placement that ended with RETURNED_TO_MAINSTREAM."));
        }

        if (EndingRules.ValidateCheckIn(checkIn.Date, ended, clock.Today()) is { } error) return Fail(error);
        Replace(placement, placement with { CheckIns = [.. placement.CheckInList, checkIn with { Notes = Trimmed(checkIn.Notes) }] });
        await Outbox.CommitAsync(Message(OutboxMessageKind.PlacementChanged, placementId));
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> RespondToLaNotificationAsync(string placementId, LaNotificationStep response, string? note, string by)
    {
        if (State.Placements.Find(p => p.PlacementId == placementId) is not { LaNotificationStatus: { } status } placement) return PlacementNotFound();
        if (LaNotificationRules.CheckRespond(status, response, note) is { } error) return Fail(error);
        Replace(placement, placement with { LaNotification = [.. placement.LaNotification!, new LaNotificationEntry(clock.GetUtcNow(), response, by, Trimmed(note))] });
        await Outbox.CommitAsync(Message(OutboxMessageKind.PlacementChanged, placementId));
        return Ok();
    }

    /// <summary>The route's rules, the plan, the school age, one placement per setting and one place per session.</summary>
    private async Task<DomainError?> CheckStartAsync(PupilRecord record, PlacementRequest request, ReferralRecord? referral, PlacementRecord? replacing)
    {
        var objectives = request.Objectives ?? ["Reintegration"];
        var error = PlacementRules.ValidatePlan(request.StartDate, request.PlannedEndDate, request.ReviewEveryWeeks, objectives)
            ?? PupilRules.CheckWithinSchoolAge(record.DateOfBirth, request.StartDate, request.PlannedEndDate)
            ?? CapacityRules.ValidateRequest(new CapacityRequest(request.FullTime, request.Sessions))
            ?? CheckOnePerSetting(request.ApUrn, replacing)
            ?? PackageRules.CheckNoOverlap(request.FullTime ? Sessions.All : request.Sessions, OtherBookings(replacing?.PlacementId))
            ?? await CheckHomeSchoolTimeAsync(request.ApUrn, request.Route, request.FullTime ? Sessions.All : request.Sessions, replacing?.PlacementId);
        if (error is not null || replacing is not null) return error;
        if (request.ExclusionId is { } exclusionId)
        {
            if (State.Exclusions.Find(e => e.Id == exclusionId) is not { } exclusion) return DomainError.NotFound("exclusionId", "No such exclusion of this pupil.");
            if (RouteRules.CheckExclusion(request.Route, exclusion.Kind, exclusion.Stands) is { } mismatch) return mismatch;
        }

        // Notice and consent are counted in the home school's school days; the calendar of the
        // notice's academic year and the next holds any count of two school days from it.
        var today = clock.Today();
        var notice = request.Notice?.GivenOn ?? referral?.ConsentNoticeGivenOn ?? today;
        var calendar = await GrainFactory.GetGrain<ISchoolCalendarGrain>(LaCode).GetCalendarAsync(notice, notice, record.HomeSchoolUrn);
        var policy = (await La.GetProfileAsync())?.ConsentPolicy ?? RouteRules.DefaultConsentRoutes;
        var consent = RouteRules.NeedsConsent(request.Route, policy);
        if (referral is not null)
        {
            return ReferralRules.CheckAllowsStart(calendar, referral.Status, referral.ParentalConsent, referral.ConsentNoticeGivenOn, request.StartDate, consent);
        }

        // A panel placement without a referral predates ApGrid (imported or demo data): its consent was taken outside.
        if (request.Route == PlacementRoute.LaPanel) return null;

        return RouteRules.CheckNotice(calendar, request.Route, request.Notice?.GivenOn, request.StartDate, today)
            ?? CheckNoticeContents(request, record)
            ?? (consent && request.ConsentGivenOn is null
                ? DomainError.ConsentRequired("consentGivenOn", $"This LA asks for parental consent before a {RouteRules.ContractName(request.Route)} placement: record consentGivenOn.")
                : null)
            ?? (request.ConsentGivenOn > today ? DomainError.Validation("consentGivenOn", "consentGivenOn cannot be in the future.") : null);
    }

    /// <summary>The contents parents need, and the copy the LA is owed for a pupil with an EHC plan.</summary>
    private static DomainError? CheckNoticeContents(PlacementRequest request, PupilRecord record)
    {
        if (request.Notice is not { } notice) return null;
        foreach (var (field, value) in new[] { ("place", notice.Place), ("times", notice.Times), ("reportTo", notice.ReportTo), ("reviewArrangements", notice.ReviewArrangements) })
        {
            if (string.IsNullOrWhiteSpace(value)) return DomainError.Validation($"notice.{field}", $"The notice to parents must say {field switch { "place" => "where the pupil goes", "times" => "the times", "reportTo" => "who to report to", _ => "how the placement is reviewed" }} (notice.{field}).");
        }

        return request.Route == PlacementRoute.OffSiteDirection && record.SenProvision == SenProvision.EhcPlan && notice.CopiedToLaOn is null
            ? DomainError.Validation("notice.copiedToLaOn", "The pupil has an EHC plan: a copy of the direction's notice goes to the LA; record when (notice.copiedToLaOn).")
            : null;
    }

    /// <summary>
    /// Non-school AP is part of the week: with <paramref name="booked"/> at <paramref name="apUrn"/>
    /// in place of <paramref name="except"/>, no non-school placement may leave the pupil every session away.
    /// </summary>
    private async Task<DomainError?> CheckHomeSchoolTimeAsync(string apUrn, PlacementRoute route, IReadOnlyList<Session> booked, string? except)
    {
        var others = State.Placements.Where(p => p.IsActive && p.PlacementId != except).ToList();
        var away = others.SelectMany(p => p.BookedSessions).Concat(booked).Distinct().Count();
        if (away < Sessions.All.Count) return null;
        foreach (var (urn, placedOn) in others.Select(p => (p.ApUrn, p.Route)).Append((apUrn, route)))
        {
            if (NonSchoolPlacementRules.CheckHomeSchoolSessions(await ApTypeOfAsync(urn), away, placedOn) is { } refused) return refused;
        }

        return null;
    }

    private DomainError? CheckOnePerSetting(string apUrn, PlacementRecord? replacing) =>
        State.Placements.Exists(p => p.IsActive && p.ApUrn == apUrn && p.PlacementId != replacing?.PlacementId)
            ? DomainError.Conflict("apUrn", "The pupil already has a placement at this setting; amend its sessions instead.")
            : null;

    /// <summary>The sessions the pupil's other active placements hold, named for the refusal.</summary>
    private IEnumerable<(string SettingName, IReadOnlyList<Session> Sessions)> OtherBookings(string? except) =>
        State.Placements.Where(p => p.IsActive && p.PlacementId != except).Select(p => ($"the AP setting {p.ApUrn}", p.BookedSessions));

    /// <summary>Stores the intent, then reserves; the outbox gives the place back if the start dies before it is recorded.</summary>
    private async Task<CommandError?> ReserveAsync(PupilRecord record, PlacementRequest request)
    {
        State.PendingPlacementStarts[request.PlacementId] = request.ApUrn;
        var reserved = await Outbox.RunStepAsync(
            Message(OutboxMessageKind.PlacementStartResolved, request.PlacementId),
            () => Setting(request.ApUrn).ReservePlaceAsync(Reservation(record, request.PlacementId, request.FullTime, request.Sessions, request.StartDate)));
        State.PendingPlacementStarts.Remove(request.PlacementId);
        if (reserved.Error is null) return null;
        await Outbox.WriteAsync();
        return reserved.Error;
    }

    private PlaceReservation Reservation(PupilRecord record, string placementId, bool fullTime, IReadOnlyList<Session> sessions, DateOnly onDate) => new(
        placementId, PupilId, fullTime, sessions, record.KeyStageOn(onDate), record.SenProvision == SenProvision.EhcPlan, record.LookedAfter,
        SchoolYear.IsOfCompulsorySchoolAge(record.DateOfBirth, onDate));

    /// <summary>A placement a school commissions is notified to the LA in the same write that records it.</summary>
    private PlacementRecord NewPlacement(PlacementRequest request) => new(
        request.PlacementId, request.ApUrn, request.StartDate, request.PlannedEndDate,
        request.FullTime, [.. request.Sessions.Distinct().Order()], PlacementRules.ApRegistration(request.FullTime),
        EndDate: null, request.ReferralId, [.. request.Objectives ?? ["Reintegration"]], request.ReviewEveryWeeks,
        Reviews: [], Outcome: null, CheckInDue: null, request.Route, request.Notice, request.Tier,
        TransferredFrom: request.TransferredFrom, ConsentGivenOn: request.ConsentGivenOn, ExclusionId: request.ExclusionId,
        LaNotification: LaNotificationRules.IsNotified(request.Route) ? [new LaNotificationEntry(clock.GetUtcNow(), LaNotificationStep.Notified, request.By ?? "")] : null);

    /// <summary>Only provision after a permanent exclusion files a pupil at the LA by itself (off the home school's roll, the week is the provision's alone).</summary>
    private IEnumerable<OutboxMessage> PackageMessage(PlacementRoute route) =>
        route == PlacementRoute.S19PermanentExclusion ? [Message(OutboxMessageKind.LaPackage, PupilId)] : [];

    // Unique per attempt: an id from a failed attempt must never name a later placement elsewhere.
    private string NewPlacementId() => PupilScopedIds.Placement(PupilId, Random.Shared.Next(100_000, int.MaxValue));

    public async Task<CommandResult<PupilSnapshot>> RecordPlacementReviewAsync(string placementId, PlacementReviewRecord review)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (State.Placements.Find(p => p.PlacementId == placementId) is not { } placement) return PlacementNotFound();
        if (!placement.IsActive) return Fail(DomainError.Conflict("placementId", "The placement has ended."));
        var error = ReviewRules.Validate(review.Date, review.AttendancePercent, review.Suspensions, review.Participation, review.Wellbeing,
            review.Notes, placement.StartDate, placement.Reviews.Count > 0 ? placement.Reviews[^1].Date : null, clock.Today());
        if (error is not null) return Fail(error);

        Replace(placement, placement with { Reviews = [.. placement.Reviews, review] });
        await Outbox.CommitAsync(Message(OutboxMessageKind.PlacementChanged, placementId));
        return Ok();
    }

    /// <summary>Records the end; the outbox then frees the place at the setting, tells the LA and the feed.</summary>
    public async Task<CommandResult<PupilSnapshot>> EndPlacementAsync(string placementId, DateOnly endDate, PlacementOutcome outcome, PlacementDestination? destination = null)
    {
        if (State.Record is not { } record) return PupilNotFound();
        if (State.Placements.Find(p => p.PlacementId == placementId) is not { } placement) return PlacementNotFound();
        if (!placement.IsActive) return Fail(DomainError.Conflict("placementId", "The placement has already ended."));
        var error = EndingRules.Validate(endDate, placement.StartDate, clock.Today())
            ?? EndingRules.ValidateDestination(outcome, destination?.Kind, destination?.Urn, destination?.Reason, SchoolYear.IsOfCompulsorySchoolAge(record.DateOfBirth, endDate));
        if (error is not null) return Fail(error);

        destination = destination is null ? null : destination with { Reason = Trimmed(destination.Reason) };
        Replace(placement, placement with { EndDate = endDate, Outcome = outcome, CheckInDue = EndingRules.ReintegrationCheckIn(outcome, endDate), Destination = destination });
        List<OutboxMessage> messages =
        [
            Message(OutboxMessageKind.SettingPlaceReleased, placementId),
            Message(OutboxMessageKind.LaPlacementEnded, placementId),
            Message(OutboxMessageKind.PlacementChanged, placementId),
            .. PackageMessage(placement.Route),
        ];

        // A child whose destination is unknown is a child missing education: the LA must act the same day.
        if (destination?.Kind == DestinationKind.MissingEducation) messages.Add(Message(OutboxMessageKind.MissingEducationRaised, placementId));
        await Outbox.CommitAsync([.. messages]);
        return Ok();
    }

    public async Task EndAtSchoolLeavingAgeAsync(string placementId)
    {
        if (State.Record is not { } record || State.Placements.Find(p => p.PlacementId == placementId) is not { IsActive: true }) return;
        var leaves = SchoolYear.CompulsorySchoolAgeEnds(record.DateOfBirth);
        if (leaves <= clock.Today()) await EndPlacementAsync(placementId, leaves, PlacementOutcome.ReachedSchoolLeavingAge);
    }

    public async Task<CommandResult<PupilSnapshot>> RequestEhcAssessmentAsync(DateOnly requestedOn, EhcRequestSource? source = null)
    {
        if (State.Record is not { } record) return PupilNotFound();
        if (State.Ehcp is { } open && EhcpRules.IsOpen(open.Stage))
        {
            return Fail(DomainError.Conflict("pupilId", $"An EHC needs assessment was requested on {open.RequestedOn:yyyy-MM-dd} and is still {ContractNames.Of(open.Stage)}."));
        }

        if (requestedOn > clock.Today()) return Fail(DomainError.Validation("requestedOn", "The request date cannot be in the future."));
        if (record.SenProvision == SenProvision.EhcPlan && State.Ehcp is null)
        {
            return Fail(DomainError.Conflict("pupilId", "The pupil already has an EHC plan."));
        }

        // The LA counts a final plan when it first sees one, and takes the case as it stands when told:
        // tell it of the case being replaced before it is, in case that is still owed.
        await Outbox.DeliverAsync();

        State.Ehcp = new EhcpCaseRecord(requestedOn, EhcpStage.Requested, null, null, null, requestedOn, source);
        await CommitEhcpAsync();
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> RecordEhcpMilestoneAsync(EhcpMilestone milestone, DateOnly milestoneDate)
    {
        if (State.Record is not { } record) return PupilNotFound();
        if (State.Ehcp is not { } current) return NoEhcCase();
        var (stage, invalid) = EhcpRules.Apply(current.Stage, milestone);
        var error = invalid
            ?? EhcpRules.ValidateDate(milestoneDate, current.LastDate, clock.Today())
            ?? (milestone == EhcpMilestone.FinalIssued && current.DraftIssuedOn is { } draft ? EhcLifecycle.CheckFinalAfterDraft(draft, milestoneDate) : null);
        if (error is not null) return Fail(error);

        State.Ehcp = current with
        {
            Stage = stage,
            LastDate = milestoneDate,
            DecisionOn = milestone is EhcpMilestone.DecisionToAssess or EhcpMilestone.RefusedToAssess ? milestoneDate : current.DecisionOn,
            DraftIssuedOn = milestone == EhcpMilestone.DraftIssued ? milestoneDate : current.DraftIssuedOn,
            FinalIssuedOn = milestone == EhcpMilestone.FinalIssued ? milestoneDate : current.FinalIssuedOn,
            NotIssuedOn = milestone == EhcpMilestone.NotIssued ? milestoneDate : current.NotIssuedOn,
        };

        // The plan and the census provision are one fact: written together, never one without the other.
        if (milestone == EhcpMilestone.FinalIssued) State.Record = record with { SenProvision = SenProvision.EhcPlan };
        await CommitEhcpAsync();
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> RecordEhcpExceptionAsync(EhcDeadlineKind deadline, EhcExceptionKind kind, DateOnly arisenOn, string? note)
    {
        if (State.Record is null) return PupilNotFound();
        if (State.Ehcp is not { } current) return NoEhcCase();
        if (EhcLifecycle.ValidateException(deadline, arisenOn, note, current.RequestedOn, clock.Today()) is { } error) return Fail(error);

        State.Ehcp = current with { Exceptions = [.. current.ExceptionList, new EhcExceptionRecord(deadline, kind, arisenOn, Trimmed(note))] };
        await CommitEhcpAsync();
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> RecordEhcpSpecialSchoolIntentionAsync(DateOnly intendedOn)
    {
        if (State.Record is null) return PupilNotFound();
        if (State.Ehcp is not { } current) return NoEhcCase();
        if (current.Stage is not (EhcpStage.Assessing or EhcpStage.DraftIssued))
        {
            return Fail(DomainError.Conflict("pupilId", "The intention to name a special school is recorded while assessing (ASSESSING or DRAFT_ISSUED); an issued plan names the school itself."));
        }

        if (EhcpRules.ValidateDate(intendedOn, current.DecisionOn ?? current.RequestedOn, clock.Today()) is { } error) return Fail(error);
        State.Ehcp = current with { SpecialSchoolIntendedOn = intendedOn };
        await CommitEhcpAsync();
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> RecordEhcpAnnualReviewAsync(DateOnly meetingOn, EhcReviewRecommendation recommendation)
    {
        if (State.Record is null) return PupilNotFound();
        if (StandingPlan() is not { } current) return NoStandingPlan();
        var error = EhcLifecycle.ValidateReviewMeeting(meetingOn, current.FinalIssuedOn!.Value, current.ReviewList is [.., var last] ? last.MeetingOn : null, clock.Today());
        if (error is not null) return Fail(error);

        State.Ehcp = current with { Reviews = [.. current.ReviewList, new EhcAnnualReviewRecord(meetingOn, recommendation, null)] };
        await CommitEhcpAsync();
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> RecordEhcpReviewDecisionAsync(DateOnly meetingOn, DateOnly decidedOn)
    {
        if (State.Record is null) return PupilNotFound();
        if (StandingPlan() is not { } current) return NoStandingPlan();
        var reviews = current.ReviewList.ToList();
        var index = reviews.FindIndex(r => r.MeetingOn == meetingOn);
        if (index < 0) return Fail(DomainError.NotFound("meetingOn", $"No annual review meeting was recorded on {meetingOn:yyyy-MM-dd}."));
        if (EhcLifecycle.ValidateReviewDecision(decidedOn, meetingOn, reviews[index].DecisionOn, clock.Today()) is { } error) return Fail(error);

        reviews[index] = reviews[index] with { DecisionOn = decidedOn };
        State.Ehcp = current with { Reviews = reviews };
        await CommitEhcpAsync();
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> CeaseEhcPlanAsync(DateOnly ceasedOn, EhcCeaseReason reason)
    {
        if (State.Record is not { } record) return PupilNotFound();
        if (State.Ehcp is not { } current) return NoEhcCase();
        var lastDate = current.ReviewList.Select(r => r.DecisionOn ?? r.MeetingOn).Append(current.LastDate).Max();
        if (EhcLifecycle.ValidateCease(current.Stage, current.CeasedOn, ceasedOn, lastDate, clock.Today(), null) is { } error) return Fail(error);

        State.Ehcp = current with { CeasedOn = ceasedOn, CeaseReason = reason };

        // Most plans cease because needs are met or the young person moves on; SEN support is the
        // census's nearest truthful value, and the school can correct it to none.
        State.Record = record with { SenProvision = SenProvision.SenSupport };
        await CommitEhcpAsync();
        return Ok();
    }

    /// <summary>
    /// Asks the special school for an entry, then records it. The intent is stored first, with a
    /// request id the school keeps on the entry: a retried or recovered add gets the same entry.
    /// </summary>
    public async Task<CommandResult<WaitingListEntryRecord>> AddToWaitingListAsync(
        string specialSchoolUrn, DateOnly addedOn, bool parentalPreference = false, string? overrideReason = null)
    {
        if (State.Record is not { } record) return CommandResult<WaitingListEntryRecord>.Fail(DomainError.NotFound("pupilId", "No such pupil."));
        var ehcp = State.Ehcp;
        if (WaitingListRules.CheckEligible(record.SenProvision, ehcp?.Stage, ehcp?.CeasedOn is not null, ehcp?.SpecialSchoolIntendedOn is not null) is { } ineligible)
        {
            return CommandResult<WaitingListEntryRecord>.Fail(ineligible);
        }

        var school = await SpecialSchool(specialSchoolUrn).GetAsync();
        if (school is null) return CommandResult<WaitingListEntryRecord>.Fail(DomainError.NotFound("specialSchoolUrn", "No such special school."));
        overrideReason = Trimmed(overrideReason);
        if (WaitingListRules.CheckNeedMatch(record.PrimaryNeed, school.Profile.Designations, overrideReason) is { } mismatch)
        {
            return CommandResult<WaitingListEntryRecord>.Fail(mismatch);
        }

        var requestId = Guid.NewGuid().ToString("N");
        State.PendingWaitingListAdds[requestId] = new PendingWaitingListAdd(specialSchoolUrn, addedOn, parentalPreference, overrideReason);
        var added = await Outbox.RunStepAsync(
            Message(OutboxMessageKind.WaitingListAddResolved, requestId),
            () => SpecialSchool(specialSchoolUrn).AddEntryAsync(PupilId, addedOn, requestId, parentalPreference, overrideReason));
        State.PendingWaitingListAdds.Remove(requestId);
        if (added.Value is { } entry) State.WaitingListEntryIds.Add(entry.Id);
        await Outbox.WriteAsync();
        return added;
    }

    /// <summary>Answers at the special school, then records it; an acceptance takes the pupil off every other list through the Outbox.</summary>
    public async Task<CommandResult<WaitingListEntryRecord>> RespondToOfferAsync(string entryId, bool accepted)
    {
        if (State.Record is null || !State.WaitingListEntryIds.Contains(entryId))
        {
            return CommandResult<WaitingListEntryRecord>.Fail(DomainError.NotFound("entryId", "No such waiting-list entry."));
        }

        // Answering again is harmless at the school, so a retried answer finishes what a cut-short one began.
        var answered = await SpecialSchoolOf(entryId).RespondToOfferAsync(entryId, accepted);
        if (answered.Value is null) return answered;
        if (!accepted)
        {
            State.ClosedWaitingListEntryIds.Add(entryId);
            await Outbox.WriteAsync();
            return answered;
        }

        var others = State.WaitingListEntryIds.Where(id => id != entryId && !State.ClosedWaitingListEntryIds.Contains(id)).ToList();
        State.ClosedWaitingListEntryIds.UnionWith(others);
        await Outbox.CommitAsync([.. others.Select(id => Message(OutboxMessageKind.WaitingEntryRemoved, id))]);
        return answered;
    }

    // Exclusions: one block, the rules in ExclusionRules; each change goes to the LA's duties and the feed.

    public async Task<CommandResult<PupilSnapshot>> RecordExclusionAsync(ExclusionKind kind, DateOnly startDate, int? sessions, ExclusionReason reason)
    {
        if (State.Record is not { } record) return PupilNotFound();
        var exclusion = new Exclusion(kind, startDate, sessions, reason);
        var today = clock.Today();
        if (ExclusionRules.Validate(exclusion, today) is { } invalid) return Fail(invalid);

        // Counted on the home school's own calendar (its INSET days too); the start's academic year and the next hold day 6.
        var calendar = await GrainFactory.GetGrain<ISchoolCalendarGrain>(LaCode).GetCalendarAsync(startDate, startDate, record.HomeSchoolUrn);
        var error = ExclusionRules.CheckAgainst(calendar, exclusion, State.Exclusions.Where(e => e.Stands).Select(e => e.ToExclusion()));
        if (error is not null) return Fail(error);

        var id = PupilScopedIds.Exclusion(PupilId, State.Exclusions.Count + 1);
        State.Exclusions.Add(new ExclusionRecord(
            id, kind, startDate, sessions, reason, ExclusionRules.SixthDay(calendar, exclusion), ExclusionRules.DutyHolder(exclusion),
            ExclusionRules.LastDay(calendar, exclusion), ExclusionRules.DaysCodedE(calendar, exclusion), record.HomeSchoolUrn, today));
        await CommitExclusionAsync(id);
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> ReinstateExclusionAsync(string exclusionId, DateOnly reinstatedOn)
    {
        if (State.Record is null) return PupilNotFound();
        var index = State.Exclusions.FindIndex(e => e.Id == exclusionId);
        if (index < 0) return Fail(DomainError.NotFound("exclusionId", "No such exclusion."));
        var exclusion = State.Exclusions[index];
        if (!exclusion.Stands) return Fail(DomainError.Conflict("exclusionId", $"The pupil was already reinstated on {exclusion.ReinstatedOn:yyyy-MM-dd}."));
        if (ExclusionRules.ValidateReinstatement(reinstatedOn, exclusion.StartDate, exclusion.LastDay, clock.Today()) is { } invalid) return Fail(invalid);

        State.Exclusions[index] = exclusion with { ReinstatedOn = reinstatedOn };
        await CommitExclusionAsync(exclusionId);
        return Ok();
    }

    private Task CommitExclusionAsync(string exclusionId) =>
        Outbox.CommitAsync(Message(OutboxMessageKind.LaExclusionDuty, exclusionId), Message(OutboxMessageKind.ExclusionChanged, exclusionId));

    private ISpecialSchoolGrain SpecialSchoolOf(string entryId) => SpecialSchool(WaitingListIds.SchoolOf(entryId)!);

    private ISpecialSchoolGrain SpecialSchool(string urn) => GrainFactory.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(LaCode, urn));

    private IApSettingGrain Setting(string urn) => GrainFactory.GetGrain<IApSettingGrain>(GrainKeys.For(LaCode, urn));

    /// <summary>
    /// Asked at delivery rather than kept on the placement: a setting's legal form does not change,
    /// and the read interleaves, so one more call per start and end is all it costs.
    /// </summary>
    private async Task<ApType?> ApTypeOfAsync(string urn) =>
        (await Setting(urn).GetCapacityAsync())?.Profile.Type is { } type ? ApTypes.Of(type) : null;

    private static OutboxMessage Message(OutboxMessageKind kind, string subjectId) => new(kind, subjectId);

    /// <summary>Writes the case, then keeps the LA's tracker and the change feed current.</summary>
    private Task CommitEhcpAsync() =>
        Outbox.CommitAsync(Message(OutboxMessageKind.LaEhcpCase, PupilId), Message(OutboxMessageKind.EhcpChanged, PupilId));

    /// <summary>The plan as long as it stands: issued and not ceased.</summary>
    private EhcpCaseRecord? StandingPlan() => State.Ehcp is { Stage: EhcpStage.FinalIssued, CeasedOn: null } plan ? plan : null;

    public async Task<RetentionOutcome?> ApplyRetentionAsync(bool dryRun, string by, string role)
    {
        if (State.Record is not { } record) return null;
        var held = Held(clock.Today());
        var decision = RetentionRules.Decide(retention.Value.ToPolicy(), record.DateOfBirth, clock.Today(), held);
        var removed = held.Where(h => decision.Remove.Contains(h.Kind) || (decision.EraseIdentity && h.Count > 0)).ToDictionary(h => h.Kind, h => h.Count);
        var outcome = new RetentionOutcome(PupilId, removed, decision.Held, decision.EraseIdentity, dryRun);
        if (dryRun || !decision.ChangesAnything) return outcome;
        if (decision.EraseIdentity)
        {
            await EraseAsync(ErasureGround.Retention, null, by, role, removed);
        }
        else
        {
            RemoveKinds(decision.Remove);
            State.PendingAudit.Add(ErasureRecord(by, role, "retention period over: removed", removed));
            await Outbox.CommitAsync(Message(OutboxMessageKind.ErasureAudited, PupilId), Message(OutboxMessageKind.LaRecordsForgotten, string.Join(',', decision.Remove)));
        }

        return outcome;
    }

    public async Task<CommandResult<PupilErasure>> EraseOnRequestAsync(string? reason, string by, string role)
    {
        if (State.Record is null) return CommandResult<PupilErasure>.Fail(DomainError.NotFound("pupilId", "No such pupil."));
        var held = Held(clock.Today());
        if (ErasureRules.Check(reason, held) is { } refused) return CommandResult<PupilErasure>.Fail(refused);
        await EraseAsync(ErasureGround.Request, reason!.Trim(), by, role, held.Where(h => h.Count > 0).ToDictionary(h => h.Kind, h => h.Count));
        return CommandResult<PupilErasure>.Ok(State.Erasure!);
    }

    /// <summary>
    /// Leaves only the erased marker, then has the trail record it, the LA drop what it keeps of the
    /// pupil and the UPN claim, the home school unlist the pupil and special schools drop open entries.
    /// </summary>
    private async Task EraseAsync(ErasureGround ground, string? reason, string by, string role, IReadOnlyDictionary<RetainedRecordKind, int> removed)
    {
        var record = State.Record!;
        var openEntries = State.WaitingListEntryIds.Where(id => !State.ClosedWaitingListEntryIds.Contains(id)).ToList();
        RemoveKinds(Enum.GetValues<RetainedRecordKind>());
        var what = ground == ErasureGround.Request ? $"erased on request, reason: {reason}" : "retention period over: erased";
        State.Erasure = new PupilErasure(clock.GetUtcNow(), ground, reason, by, role, [.. removed.Select(p => $"{ContractNames.Of(p.Key)}: {p.Value}")]);
        State.PendingAudit.Add(ErasureRecord(by, role, what, removed));
        await Outbox.CommitAsync(
        [
            Message(OutboxMessageKind.ErasureAudited, PupilId),
            Message(OutboxMessageKind.LaRecordsForgotten, string.Join(',', Enum.GetValues<RetainedRecordKind>()) + "#" + record.Upn),
            Message(OutboxMessageKind.SchoolPupilRemoved, record.HomeSchoolUrn),
            .. openEntries.Select(id => Message(OutboxMessageKind.WaitingEntryRemoved, id)),
        ]);
    }

    // Both ways in are REST endpoints of LA officers.
    private AuditRecord ErasureRecord(string by, string role, string what, IReadOnlyDictionary<RetainedRecordKind, int> removed) =>
        new(by, role, PupilId, AuditAction.Change, [what, .. removed.Select(p => $"{ContractNames.Of(p.Key)}: {p.Value}")], AuditChannel.Rest);

    /// <summary>What the pupil holds of each kind, and whether a duty still needs it (ADR 020 says what counts as open).</summary>
    private List<RetainedRecords> Held(DateOnly today)
    {
        var record = State.Record!;
        var schoolAge = SchoolYear.IsOfCompulsorySchoolAge(record.DateOfBirth, today);
        var ehcOpen = State.Ehcp is { CeasedOn: null, Stage: not (EhcpStage.NotAssessed or EhcpStage.NotIssued) };
        var waiting = schoolAge && State.WaitingListEntryIds.Any(id => !State.ClosedWaitingListEntryIds.Contains(id));
        return
        [
            new(RetainedRecordKind.PupilRecord, 1 + State.Corrections.Count + State.Timetables.Count,
                State.PendingRegistration is not null || State.PendingPlacementStarts.Count > 0 || State.PendingWaitingListAdds.Count > 0),
            new(RetainedRecordKind.Placement, State.Placements.Count, State.Placements.Any(p => p.IsActive)),
            new(RetainedRecordKind.Referral, State.Referrals.Count, State.Referrals.Any(r => r.Status is ReferralStatus.Submitted or ReferralStatus.Approved)),
            new(RetainedRecordKind.Exclusion, State.Exclusions.Count,
                State.Exclusions.Any(e => e is { Stands: true, DutyHolder: not null } && (e.LastDay is { } last ? last >= today : schoolAge))),
            new(RetainedRecordKind.Sen, (State.Ehcp is null ? 0 : 1) + State.WaitingListEntryIds.Count, ehcOpen || waiting),
        ];
    }

    private void RemoveKinds(IEnumerable<RetainedRecordKind> kinds)
    {
        foreach (var kind in kinds)
        {
            switch (kind)
            {
                case RetainedRecordKind.PupilRecord:
                    State.Record = null;
                    State.Corrections.Clear();
                    State.Timetables.Clear();
                    break;
                case RetainedRecordKind.Placement:
                    State.Placements.Clear();
                    State.PlacementsByIdempotencyKey.Clear();
                    break;
                case RetainedRecordKind.Referral:
                    State.Referrals.Clear();
                    break;
                case RetainedRecordKind.Exclusion:
                    State.Exclusions.Clear();
                    break;
                case RetainedRecordKind.Sen:
                    State.Ehcp = null;
                    State.WaitingListEntryIds.Clear();
                    State.ClosedWaitingListEntryIds.Clear();
                    break;
            }
        }
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private ReferralRecord? FindReferral(string referralId) => State.Referrals.Find(r => r.Id == referralId);

    private void Replace(ReferralRecord old, ReferralRecord updated) => State.Referrals[State.Referrals.IndexOf(old)] = updated;

    private void Replace(PlacementRecord old, PlacementRecord updated) => State.Placements[State.Placements.IndexOf(old)] = updated;

    /// <summary>Delivers one outbox message, from the state as it is now; each is idempotent.</summary>
    protected override async Task DeliverAsync(OutboxMessage message)
    {
        var subject = message.SubjectId;
        var feed = GrainFactory.GetGrain<IChangeFeedGrain>(LaCode);
        var placement = State.Placements.Find(p => p.PlacementId == subject);
        var record = State.Record;
        switch (message.Kind)
        {
            case OutboxMessageKind.LaPlacementStarted when placement is not null && record is not null:
                await La.RecordPlacementStartedAsync(new PlacementFact(
                    placement.PlacementId, PupilId, record.DateOfBirth, record.YearGroupOn(placement.StartDate), placement.FullTime, Outcome: null,
                    placement.StartDate, await ApTypeOfAsync(placement.ApUrn), placement.Route, placement.Tier));
                break;
            case OutboxMessageKind.LaPlacementEnded when placement is { EndDate: { } ended, Outcome: { } outcome } && record is not null:
                await La.RecordPlacementEndedAsync(new PlacementFact(
                    placement.PlacementId, PupilId, record.DateOfBirth, record.YearGroupOn(ended), placement.FullTime, outcome,
                    ended, await ApTypeOfAsync(placement.ApUrn), placement.Route, placement.Tier));
                break;
            case OutboxMessageKind.LaEhcpCase when State.Ehcp is { } ehcp && record is not null:
                await La.UpdateEhcpCaseAsync(EhcpCaseEntry.For(PupilId, record, ehcp));
                break;
            case OutboxMessageKind.SettingPlaceReleased when placement is not null:
                await Setting(placement.ApUrn).ReleasePlaceAsync(subject);
                break;
            case OutboxMessageKind.PlacementPlaceResolved when placement is { IsActive: true } && record is not null:
                // The setting holds what the pupil recorded: a no-op after a recorded change, a put-back after one that died.
                await Setting(placement.ApUrn).ChangePlaceAsync(Reservation(record, subject, placement.FullTime, placement.Sessions, clock.Today()));
                break;
            case OutboxMessageKind.LaPackage when record is not null:
                await La.TrackPackageAsync(PupilId, record.HomeSchoolUrn, Snapshot().HasTrackedPackage);
                break;
            case OutboxMessageKind.MissingEducationRaised:
                await feed.AppendAsync(ChangeKind.MissingEducation, subject, message.Detail);
                break;
            case OutboxMessageKind.PlacementStartResolved:
                // Not recorded: the start died between reserving and recording, so the place goes back.
                if (placement is null && State.PendingPlacementStarts.TryGetValue(subject, out var apUrn)) await Setting(apUrn).ReleasePlaceAsync(subject);
                State.PendingPlacementStarts.Remove(subject);
                break;
            case OutboxMessageKind.RegistrationResolved:
                // Not registered: the registration died after claiming, so the UPN goes back (the LA releases only our own claim).
                if (record is null && State.PendingRegistration is { } pending) await La.ReleaseUpnAsync(pending.Upn, PupilId);
                State.PendingRegistration = null;
                break;
            case OutboxMessageKind.WaitingListAddResolved when State.PendingWaitingListAdds.TryGetValue(subject, out var add):
                // The add was stored as begun: finish it; the school answers a repeat with the entry it already made.
                var added = await SpecialSchool(add.SpecialSchoolUrn).AddEntryAsync(PupilId, add.AddedOn, subject, add.ParentalPreference, add.OverrideReason);
                if (added.Value is { } entry && !State.WaitingListEntryIds.Contains(entry.Id)) State.WaitingListEntryIds.Add(entry.Id);
                State.PendingWaitingListAdds.Remove(subject);
                break;
            case OutboxMessageKind.WaitingEntryRemoved:
                await SpecialSchoolOf(subject).RemoveEntryAsync(subject);
                break;
            case OutboxMessageKind.LaUpnMatch when State.UpnMatch is { } match:
                await La.RecordUpnMatchAsync(match);
                break;
            case OutboxMessageKind.UpnMatchTransfer when State.UpnMatch is { Decision: UpnMatchDecision.Transfer } match:
                // A repeat changes nothing: the record is already at the school.
                await GrainFactory.GetGrain<IPupilGrain>(GrainKeys.For(LaCode, subject)).CorrectRecordAsync(new PupilRecordChange(
                    match.DecidedBy ?? "LA", "The LA found the same UPN registered by this school and transferred the record to it.", HomeSchoolUrn: match.SchoolUrn));
                break;
            case OutboxMessageKind.SchoolPupilAdded:
                await GrainFactory.GetGrain<ISchoolGrain>(GrainKeys.For(LaCode, subject)).AddPupilAsync(PupilId);
                break;
            case OutboxMessageKind.SchoolPupilRemoved when record?.HomeSchoolUrn != subject:
                await GrainFactory.GetGrain<ISchoolGrain>(GrainKeys.For(LaCode, subject)).RemovePupilAsync(PupilId);
                break;
            case OutboxMessageKind.ReferralChanged:
                // The panel's worklist takes the referral as it is now, then subscribers hear of it.
                if (FindReferral(subject) is { } referral) await La.TrackReferralAsync(subject, PupilId, referral.Status is ReferralStatus.Submitted or ReferralStatus.Approved);
                await feed.AppendAsync(ChangeKind.Referral, subject, message.Detail);
                break;
            case OutboxMessageKind.PlacementChanged:
                // The LA's awaiting-acknowledgement list takes a school's notification as it is now, then subscribers hear of it.
                if (placement?.LaNotificationStatus is { } status) await La.TrackNotificationAsync(subject, PupilId, LaNotificationRules.IsOpen(status));
                await feed.AppendAsync(ChangeKind.Placement, subject, message.Detail);
                break;
            case OutboxMessageKind.EhcpChanged:
                await feed.AppendAsync(ChangeKind.Ehcp, subject, message.Detail);
                break;
            case OutboxMessageKind.LaExclusionDuty when State.Exclusions.Find(e => e.Id == subject) is { } exclusion:
                await La.UpdateExclusionDutyAsync(subject, ExclusionDutyEntry.For(PupilId, exclusion));
                break;
            case OutboxMessageKind.ExclusionChanged:
                await feed.AppendAsync(ChangeKind.Exclusion, subject);
                break;
            case OutboxMessageKind.ErasureAudited when State.PendingAudit.Count > 0:
                await GrainFactory.GetGrain<IAuditTrailGrain>(LaCode).AppendAsync([.. State.PendingAudit]);
                State.PendingAudit.Clear();
                break;
            case OutboxMessageKind.LaRecordsForgotten:
                var parts = subject.Split('#', 2);
                await La.ForgetPupilRecordsAsync(
                    PupilId, [.. parts[0].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<RetainedRecordKind>)], parts.Length == 2 ? parts[1] : null);
                break;
            default:
                // Its subject is gone from the record, or the kind is retired: nothing is left to tell.
                break;
        }
    }

    private PupilSnapshot Snapshot() => new(
        PupilId, State.Record!, [.. State.Placements], [.. State.Referrals], State.Ehcp,
        [.. State.WaitingListEntryIds], [.. State.ClosedWaitingListEntryIds], [.. State.Corrections], [.. State.Timetables], [.. State.Exclusions]);

    private CommandResult<PupilSnapshot> Ok() => CommandResult<PupilSnapshot>.Ok(Snapshot());

    private static CommandResult<PupilSnapshot> Fail(DomainError error) => CommandResult<PupilSnapshot>.Fail(error);

    private static CommandResult<PupilSnapshot> PupilNotFound() => Fail(DomainError.NotFound("pupilId", "No such pupil."));

    private static CommandResult<PupilSnapshot> NoEhcCase() => Fail(DomainError.NotFound("pupilId", "The pupil has no EHC needs assessment."));

    private static CommandResult<PupilSnapshot> NoStandingPlan() =>
        Fail(DomainError.Conflict("pupilId", "The pupil has no EHC plan in force (FINAL_ISSUED and not ceased)."));

    private static CommandResult<PupilSnapshot> ReferralNotFound() => Fail(DomainError.NotFound("referralId", "No such referral."));

    private static CommandResult<PupilSnapshot> PlacementNotFound() => Fail(DomainError.NotFound("placementId", "No such placement."));
}
