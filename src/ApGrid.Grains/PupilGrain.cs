namespace ApGrid.Grains;

/// <summary>
/// Owns a pupil's record, referrals and placements. Starting a placement is the two-grain step:
/// hold the place at the AP setting first, then record it here; give the place back if recording
/// fails. Ending one frees the place in the same step. What a change then owes the LA and the
/// change feed is written with it (<see cref="FollowUp"/>) and made after it, so a process
/// killed in between leaves the calls owed, not lost.
/// </summary>
// Pupils are the one grain population that grows with the country (600,000 in England), and a
// record is read in a burst by one person and then left; the default 15 minutes would hold a whole
// day's reads in memory. Coming back costs one storage read of about 100 bytes.
[CollectionAgeLimit(Minutes = 2)]
public sealed partial class PupilGrain(
    [PersistentState("pupil")] IPersistentState<PupilState> state,
    TimeProvider clock,
    ILogger<PupilGrain> logger) : Grain, IPupilGrain
{
    private FollowUpLedger? followUps;

    private string PupilId => GrainKeys.LocalIdOf(this.GetPrimaryKeyString());

    private string LaCode => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    private ILocalAuthorityGrain La => GrainFactory.GetGrain<ILocalAuthorityGrain>(LaCode);

    private FollowUpLedger FollowUps => followUps ??= new(() => state.State.PendingFollowUps, MakeAsync, logger, "Pupil " + PupilId);

    /// <summary>
    /// Makes what an earlier change still owes. From a one-off timer, not from here: the activation
    /// may have been started by a call from the very grain it owes, which would wait on it.
    /// </summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (FollowUps.Any)
        {
            // A timer's turn carries no request context; the calls it makes are the pupil's own tenant's.
            this.RegisterGrainTimer(_ => TenantContext.RunAsync(LaCode, FollowUps.MakeAsync), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    /// <summary>Clears from storage the follow-ups made since the last write, so neither the next activation nor the sweep makes them again.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        followUps?.ClearMadeAsync(() => state.WriteStateAsync(cancellationToken)) ?? Task.CompletedTask;

    /// <summary>Written whatever was made: a grain woken by its mark while owing nothing (a mark left by a clear, or by an older node) clears it so.</summary>
    public async Task ResumeFollowUpsAsync()
    {
        if (!state.RecordExists) return;
        await FollowUps.MakeAsync();
        await WriteAsync();
    }

    public async Task<CommandResult<PupilSnapshot>> RegisterAsync(PupilRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (state.State.Record is not null)
        {
            return Fail(DomainError.Conflict("pupilId", "This pupil is already registered."));
        }

        if (PupilRules.Validate(record.Upn, record.Initials, record.DateOfBirth, record.YearGroup, clock.Today()) is { } error)
        {
            return Fail(error);
        }

        state.State.Record = record;
        await WriteAsync();
        return Ok();
    }

    public Task<PupilSnapshot?> GetAsync() => Task.FromResult(state.State.Record is null ? null : Snapshot());

    public async Task<CommandResult<PupilSnapshot>> SubmitReferralAsync(string reason, IReadOnlyList<string> strategiesTried, DateOnly submittedOn)
    {
        if (state.State.Record is null) return PupilNotFound();
        if (ReferralRules.ValidateSubmission(reason, strategiesTried) is { } invalid) return Fail(invalid);
        if (submittedOn > clock.Today()) return Fail(DomainError.Validation("submittedOn", "A referral cannot be dated in the future."));
        if (state.State.Referrals.Any(r => r.Status is ReferralStatus.Submitted or ReferralStatus.Approved))
        {
            return Fail(DomainError.Conflict("pupilId", "The pupil already has an open referral; decide or withdraw it first."));
        }

        var id = PupilScopedIds.Referral(PupilId, state.State.Referrals.Count + 1);
        state.State.Referrals.Add(new ReferralRecord(
            id, submittedOn, reason.Trim(), [.. strategiesTried.Select(s => s.Trim())], ReferralStatus.Submitted,
            DecidedOn: null, PanelMembers: [], ParentalConsent: false, ConsentNoticeGivenOn: null, PlacementId: null));
        await CommitAsync(new FollowUp(FollowUpKind.ReferralChanged, id));
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> RecordParentalConsentAsync(string referralId, DateOnly noticeGivenOn)
    {
        if (FindReferral(referralId) is not { } referral) return ReferralNotFound();
        if (referral.Status is not (ReferralStatus.Submitted or ReferralStatus.Approved))
        {
            return Fail(DomainError.Conflict("referralId", $"Consent cannot be recorded on a {referral.Status} referral."));
        }

        if (ConsentRules.ValidateNotice(noticeGivenOn, referral.SubmittedOn, clock.Today()) is { } invalid) return Fail(invalid);
        Replace(referral, referral with { ParentalConsent = true, ConsentNoticeGivenOn = noticeGivenOn });
        await CommitAsync(new FollowUp(FollowUpKind.ReferralChanged, referralId));
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
        await CommitAsync(new FollowUp(FollowUpKind.ReferralChanged, referralId));
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> StartPlacementAsync(PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Record is not { } record) return PupilNotFound();
        if (string.IsNullOrEmpty(request.PlacementId))
        {
            // Unique per attempt: an id from a failed attempt must never name a later placement elsewhere.
            request = request with { PlacementId = PupilScopedIds.Placement(PupilId, Random.Shared.Next(100_000, int.MaxValue)) };
        }

        // A retry with the same key, or of the same placement, gets the placement it already started,
        // and makes whatever the first attempt still owes.
        var already = request.IdempotencyKey is { } key && state.State.PlacementsByIdempotencyKey.TryGetValue(key, out var keyed)
            ? keyed
            : state.State.Placements.Find(p => p.PlacementId == request.PlacementId)?.PlacementId;
        if (already is not null && state.State.Placements.Exists(p => p.PlacementId == already))
        {
            await FollowUps.MakeAsync();
            return Ok();
        }
        if (state.State.Placements.Exists(p => p.IsActive))
        {
            return Fail(DomainError.Conflict("pupilId", "The pupil already has an active placement; end it first."));
        }

        var referral = request.ReferralId is null ? null : FindReferral(request.ReferralId);
        if (request.ReferralId is not null && referral is null) return ReferralNotFound();
        var error = PlacementRules.ValidatePlan(request.StartDate, request.PlannedEndDate, request.ReviewEveryWeeks, request.Objectives ?? ["Reintegration"])
            ?? (referral is null ? null : CheckReferralAllowsStart(referral, request.StartDate));
        if (error is not null) return Fail(error);

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
            request.FullTime, [.. request.Sessions], PlacementRules.ApRegistration(request.FullTime),
            EndDate: null, request.ReferralId, [.. request.Objectives ?? ["Reintegration"]], request.ReviewEveryWeeks,
            Reviews: [], Outcome: null, CheckInDue: null));
        if (referral is not null) Replace(referral, referral with { Status = ReferralStatus.Placed, PlacementId = request.PlacementId });
        if (request.IdempotencyKey is { } newKey) state.State.PlacementsByIdempotencyKey[newKey] = request.PlacementId;
        FollowUps.Owe(
            new FollowUp(FollowUpKind.LaPlacementStarted, request.PlacementId),
            new FollowUp(FollowUpKind.PlacementChanged, request.PlacementId),
            new FollowUp(FollowUpKind.SettingPlaceConfirmed, request.PlacementId));
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

        await FollowUps.MakeAsync();
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> RecordPlacementReviewAsync(string placementId, PlacementReviewRecord review)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (state.State.Placements.Find(p => p.PlacementId == placementId) is not { } placement) return PlacementNotFound();
        if (!placement.IsActive) return Fail(DomainError.Conflict("placementId", "The placement has ended."));
        var error = ReviewRules.Validate(review.Date, review.AttendancePercent, review.Suspensions, review.Participation, review.Wellbeing,
            review.Notes, placement.StartDate, placement.Reviews.Count > 0 ? placement.Reviews[^1].Date : null, clock.Today());
        if (error is not null) return Fail(error);

        Replace(placement, placement with { Reviews = [.. placement.Reviews, review] });
        await CommitAsync(new FollowUp(FollowUpKind.PlacementChanged, placementId));
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> EndPlacementAsync(string placementId, DateOnly endDate, PlacementOutcome outcome)
    {
        if (state.State.Placements.Find(p => p.PlacementId == placementId) is not { } placement) return PlacementNotFound();
        if (!placement.IsActive) return Fail(DomainError.Conflict("placementId", "The placement has already ended."));
        if (EndingRules.Validate(endDate, placement.StartDate, clock.Today()) is { } invalid) return Fail(invalid);

        // Free the place first: if recording then fails, a retry finds the place already free and ends cleanly.
        var released = await GrainFactory.GetGrain<IApSettingGrain>(GrainKeys.For(LaCode, placement.ApUrn)).ReleasePlaceAsync(placementId);
        if (released.Error is { } refused) return CommandResult<PupilSnapshot>.Fail(refused);

        Replace(placement, placement with { EndDate = endDate, Outcome = outcome, CheckInDue = EndingRules.ReintegrationCheckIn(outcome, endDate) });
        await CommitAsync(new FollowUp(FollowUpKind.LaPlacementEnded, placementId), new FollowUp(FollowUpKind.PlacementChanged, placementId));
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> RequestEhcAssessmentAsync(DateOnly requestedOn)
    {
        if (state.State.Record is not { } record) return PupilNotFound();
        if (state.State.Ehcp is { } open && EhcpRules.IsOpen(open.Stage))
        {
            return Fail(DomainError.Conflict("pupilId", $"An EHC needs assessment was requested on {open.RequestedOn:yyyy-MM-dd} and is still {open.Stage}."));
        }

        if (requestedOn > clock.Today()) return Fail(DomainError.Validation("requestedOn", "The request date cannot be in the future."));
        if (record.SenProvision == SenProvision.EhcPlan && state.State.Ehcp is null)
        {
            return Fail(DomainError.Conflict("pupilId", "The pupil already has an EHC plan."));
        }

        // The LA counts a final plan when it first sees one, and takes the case as it stands when told:
        // tell it of the case being replaced before it is, in case that is still owed.
        await FollowUps.MakeAsync();

        state.State.Ehcp = new EhcpCaseRecord(requestedOn, EhcpStage.Requested, null, null, null, requestedOn);
        await CommitEhcpAsync();
        return Ok();
    }

    public async Task<CommandResult<PupilSnapshot>> RecordEhcpMilestoneAsync(EhcpMilestone milestone, DateOnly milestoneDate)
    {
        if (state.State.Record is null) return PupilNotFound();
        if (state.State.Ehcp is not { } current) return Fail(DomainError.NotFound("pupilId", "The pupil has no EHC needs assessment."));
        var (stage, invalid) = EhcpRules.Apply(current.Stage, milestone);
        if ((invalid ?? EhcpRules.ValidateDate(milestoneDate, current.LastDate, clock.Today())) is { } error) return Fail(error);

        state.State.Ehcp = current with
        {
            Stage = stage,
            LastDate = milestoneDate,
            DecisionOn = milestone is EhcpMilestone.DecisionToAssess or EhcpMilestone.RefusedToAssess ? milestoneDate : current.DecisionOn,
            DraftIssuedOn = milestone == EhcpMilestone.DraftIssued ? milestoneDate : current.DraftIssuedOn,
            FinalIssuedOn = milestone == EhcpMilestone.FinalIssued ? milestoneDate : current.FinalIssuedOn,
        };
        await CommitEhcpAsync();
        return Ok();
    }

    public async Task<CommandResult<WaitingListEntryRecord>> AddToWaitingListAsync(string specialSchoolUrn, DateOnly addedOn)
    {
        if (state.State.Record is not { } record) return CommandResult<WaitingListEntryRecord>.Fail(DomainError.NotFound("pupilId", "No such pupil."));
        if (WaitingListRules.CheckEligible(record.SenProvision, state.State.Ehcp?.Stage) is { } ineligible)
        {
            return CommandResult<WaitingListEntryRecord>.Fail(ineligible);
        }

        var school = GrainFactory.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(LaCode, specialSchoolUrn));
        var added = await school.AddEntryAsync(PupilId, addedOn);
        if (added.Value is not { } entry) return added;

        state.State.WaitingListEntryIds.Add(entry.Id);
        try
        {
            await WriteAsync();
        }
        catch (Exception writeFailed) when (writeFailed is not OutOfMemoryException)
        {
            // The entry must not hold a position for a pupil who does not know about it; if undoing
            // fails too, the caller still hears why the add failed, and the miss is logged.
            try
            {
                await school.RemoveEntryAsync(entry.Id);
            }
            catch (Exception undoFailed) when (undoFailed is not OutOfMemoryException)
            {
                LogUndoFailed(logger, undoFailed, PupilId);
            }

            throw;
        }

        return added;
    }

    public async Task<CommandResult<WaitingListEntryRecord>> RespondToOfferAsync(string entryId, bool accepted)
    {
        if (state.State.Record is null || !state.State.WaitingListEntryIds.Contains(entryId))
        {
            return CommandResult<WaitingListEntryRecord>.Fail(DomainError.NotFound("entryId", "No such waiting-list entry."));
        }

        var answered = await SpecialSchoolOf(entryId).RespondToOfferAsync(entryId, accepted);
        if (answered.Value is null) return answered;
        if (!accepted)
        {
            state.State.ClosedWaitingListEntryIds.Add(entryId);
            await WriteAsync();
            return answered;
        }

        // The pupil has a place: every other list they wait on moves up. A retried acceptance finishes this.
        foreach (var other in state.State.WaitingListEntryIds.Where(id => id != entryId && !state.State.ClosedWaitingListEntryIds.Contains(id)))
        {
            var removed = await SpecialSchoolOf(other).RemoveEntryAsync(other);
            if (removed.Error is { } error) return CommandResult<WaitingListEntryRecord>.Fail(error);
            state.State.ClosedWaitingListEntryIds.Add(other);
        }

        await WriteAsync();
        return answered;
    }

    private ISpecialSchoolGrain SpecialSchoolOf(string entryId) =>
        GrainFactory.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(LaCode, WaitingListIds.SchoolOf(entryId)!));

    /// <summary>Writes the case, then keeps the LA's tracker and the change feed current.</summary>
    private Task CommitEhcpAsync() =>
        CommitAsync(new FollowUp(FollowUpKind.LaEhcpCase, PupilId), new FollowUp(FollowUpKind.EhcpChanged, PupilId));

    private static DomainError? CheckReferralAllowsStart(ReferralRecord referral, DateOnly startDate) =>
        referral.Status != ReferralStatus.Approved
            ? (referral.Status == ReferralStatus.Submitted
                ? DomainError.Conflict("referralId", "The referral has not been approved by the panel.")
                : DomainError.Conflict("referralId", $"A placement cannot start from a {referral.Status} referral."))
            : ConsentRules.CheckStart(referral.ParentalConsent, referral.ConsentNoticeGivenOn, startDate);

    private ReferralRecord? FindReferral(string referralId) => state.State.Referrals.Find(r => r.Id == referralId);

    private void Replace(ReferralRecord old, ReferralRecord updated) => state.State.Referrals[state.State.Referrals.IndexOf(old)] = updated;

    private void Replace(PlacementRecord old, PlacementRecord updated) => state.State.Placements[state.State.Placements.IndexOf(old)] = updated;

    /// <summary>Writes the change with what it owes, then makes those calls.</summary>
    private async Task CommitAsync(params FollowUp[] owed)
    {
        FollowUps.Owe(owed);
        await WriteAsync();
        await FollowUps.MakeAsync();
    }

    private Task MakeAsync(FollowUp followUp)
    {
        var feed = GrainFactory.GetGrain<IChangeFeedGrain>(LaCode);
        var placement = state.State.Placements.Find(p => p.PlacementId == followUp.SubjectId);
        var dateOfBirth = state.State.Record!.DateOfBirth;
        return followUp.Kind switch
        {
            FollowUpKind.LaPlacementStarted when placement is not null => La.RecordPlacementStartedAsync(
                new PlacementFact(placement.PlacementId, PupilId, dateOfBirth, YearGroupOn(placement.StartDate), placement.FullTime, Outcome: null)),
            FollowUpKind.LaPlacementEnded when placement is { EndDate: { } ended, Outcome: { } outcome } => La.RecordPlacementEndedAsync(
                new PlacementFact(placement.PlacementId, PupilId, dateOfBirth, YearGroupOn(ended), placement.FullTime, outcome)),
            FollowUpKind.LaEhcpCase when state.State.Ehcp is { } ehcp =>
                La.UpdateEhcpCaseAsync(new EhcpCaseEntry(PupilId, state.State.Record.HomeSchoolUrn, ehcp)),
            FollowUpKind.SettingPlaceConfirmed when placement is not null =>
                GrainFactory.GetGrain<IApSettingGrain>(GrainKeys.For(LaCode, placement.ApUrn)).ConfirmPlaceAsync(placement.PlacementId),
            FollowUpKind.ReferralChanged => feed.AppendAsync(ChangeKind.Referral, followUp.SubjectId),
            FollowUpKind.PlacementChanged => feed.AppendAsync(ChangeKind.Placement, followUp.SubjectId),
            FollowUpKind.EhcpChanged => feed.AppendAsync(ChangeKind.Ehcp, followUp.SubjectId),
            // Its subject is gone from the record: nothing is left to tell.
            _ => Task.CompletedTask,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pupil {PupilId}: a waiting-list entry could not be undone after the pupil's write failed")]
    private static partial void LogUndoFailed(ILogger logger, Exception ex, string pupilId);

    private async Task WriteAsync()
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

    /// <summary>
    /// The year group the pupil was in on a date: the registered year group moved by whole academic
    /// years, so a pupil held back or moved up keeps their offset.
    /// </summary>
    private int YearGroupOn(DateOnly date) =>
        Math.Clamp(state.State.Record!.YearGroup + SchoolYear.AcademicYearStart(date).Year - SchoolYear.AcademicYearStart(clock.Today()).Year, 0, 11);

    private PupilSnapshot Snapshot() => new(
        PupilId, state.State.Record!, [.. state.State.Placements], [.. state.State.Referrals], state.State.Ehcp,
        [.. state.State.WaitingListEntryIds], [.. state.State.ClosedWaitingListEntryIds]);

    private CommandResult<PupilSnapshot> Ok() => CommandResult<PupilSnapshot>.Ok(Snapshot());

    private static CommandResult<PupilSnapshot> Fail(DomainError error) => CommandResult<PupilSnapshot>.Fail(error);

    private static CommandResult<PupilSnapshot> PupilNotFound() => Fail(DomainError.NotFound("pupilId", "No such pupil."));

    private static CommandResult<PupilSnapshot> ReferralNotFound() => Fail(DomainError.NotFound("referralId", "No such referral."));

    private static CommandResult<PupilSnapshot> PlacementNotFound() => Fail(DomainError.NotFound("placementId", "No such placement."));
}
