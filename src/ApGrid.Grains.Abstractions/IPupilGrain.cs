namespace ApGrid.Grains.Abstractions;

/// <summary>
/// A pupil, keyed "{laCode}/{pupilId}". It owns the pupil's record, referrals, placements, EHC case
/// and waiting-list entries, and coordinates the steps that involve other grains (UPN claim, place
/// reservation, waiting-list add) through its outbox.
/// </summary>
[Alias("ApGrid.IPupilGrain")]
public interface IPupilGrain : IOutboxOwner
{
    /// <summary>Claims the UPN at the LA (unique within it), records the pupil and has the home school list them.</summary>
    [Alias("Register")]
    Task<CommandResult<PupilSnapshot>> RegisterAsync(PupilRecord record);

    /// <summary>
    /// A school's registration: as <see cref="RegisterAsync(PupilRecord)"/>, except that a UPN another
    /// record holds is no refusal (that would tell the school the child is known). The pupil is
    /// registered as asked and the match goes on the LA's worklist (<see cref="UpnMatch"/>).
    /// </summary>
    [Alias("RegisterFromSchool")]
    Task<CommandResult<PupilSnapshot>> RegisterFromSchoolAsync(PupilRecord record, string registeredBy);

    /// <summary>The LA's decision on this registration's UPN match: the registration is withdrawn, and on a transfer the existing record moves to its school.</summary>
    [Alias("ResolveUpnMatch")]
    Task<CommandResult<UpnMatch>> ResolveUpnMatchAsync(UpnMatchDecision decision, string decidedBy);

    /// <summary>Corrects the record with the checks of registration; the change is kept in the record's history.</summary>
    [Alias("CorrectRecord")]
    Task<CommandResult<PupilSnapshot>> CorrectRecordAsync(PupilRecordChange change);

    [Alias("Get")]
    Task<PupilSnapshot?> GetAsync();

    [Alias("SubmitReferral")]
    Task<CommandResult<PupilSnapshot>> SubmitReferralAsync(string reason, IReadOnlyList<string> strategiesTried, DateOnly submittedOn);

    [Alias("RecordParentalConsent")]
    Task<CommandResult<PupilSnapshot>> RecordParentalConsentAsync(string referralId, DateOnly noticeGivenOn);

    [Alias("DecideReferral")]
    Task<CommandResult<PupilSnapshot>> DecideReferralAsync(string referralId, bool approved, IReadOnlyList<string> panelMembers, DateOnly decidedOn);

    [Alias("StartPlacement")]
    Task<CommandResult<PupilSnapshot>> StartPlacementAsync(PlacementRequest request);

    [Alias("RecordPlacementReview")]
    Task<CommandResult<PupilSnapshot>> RecordPlacementReviewAsync(string placementId, PlacementReviewRecord review);

    [Alias("RequestEhcAssessment")]
    Task<CommandResult<PupilSnapshot>> RequestEhcAssessmentAsync(DateOnly requestedOn, EhcRequestSource? source = null);

    /// <summary>Moves the assessment on; a final plan comes at least 15 days after the draft and makes the pupil's SEN provision an EHC plan.</summary>
    [Alias("RecordEhcpMilestone")]
    Task<CommandResult<PupilSnapshot>> RecordEhcpMilestoneAsync(EhcpMilestone milestone, DateOnly milestoneDate);

    /// <summary>Records an exception to an assessment time limit (regs 5(4), 10(4), 13(3)); the deadline stays, the case leaves SEN2's timeliness figure.</summary>
    [Alias("RecordEhcpException")]
    Task<CommandResult<PupilSnapshot>> RecordEhcpExceptionAsync(EhcDeadlineKind deadline, EhcExceptionKind kind, DateOnly arisenOn, string? note);

    /// <summary>Records that the LA, assessing, intends to name a special school: what lets the pupil wait for a place before the plan.</summary>
    [Alias("RecordEhcpSpecialSchoolIntention")]
    Task<CommandResult<PupilSnapshot>> RecordEhcpSpecialSchoolIntentionAsync(DateOnly intendedOn);

    [Alias("RecordEhcpAnnualReview")]
    Task<CommandResult<PupilSnapshot>> RecordEhcpAnnualReviewAsync(DateOnly meetingOn, EhcReviewRecommendation recommendation);

    /// <summary>The LA's decision after the review meeting held on <paramref name="meetingOn"/>.</summary>
    [Alias("RecordEhcpReviewDecision")]
    Task<CommandResult<PupilSnapshot>> RecordEhcpReviewDecisionAsync(DateOnly meetingOn, DateOnly decidedOn);

    /// <summary>Ceases the plan; the pupil's SEN provision goes back to SEN support.</summary>
    [Alias("CeaseEhcPlan")]
    Task<CommandResult<PupilSnapshot>> CeaseEhcPlanAsync(DateOnly ceasedOn, EhcCeaseReason reason);

    /// <summary>
    /// Puts the pupil on a special school's waiting list: needs a plan, or an assessment that intends
    /// a special school, and a designation matching the primary need unless the LA overrides.
    /// </summary>
    [Alias("AddToWaitingList")]
    Task<CommandResult<WaitingListEntryRecord>> AddToWaitingListAsync(string specialSchoolUrn, DateOnly addedOn, bool parentalPreference = false, string? overrideReason = null);

    /// <summary>Answers an offer; an acceptance takes the pupil off every other list.</summary>
    [Alias("RespondToOffer")]
    Task<CommandResult<WaitingListEntryRecord>> RespondToOfferAsync(string entryId, bool accepted);

    /// <summary>
    /// Sent one way by the LA's sweep: ends the placement on the pupil's school leaving date if it is
    /// still active then. One way, because the end tells the LA through the outbox while the LA's sweep would still be waiting.
    /// </summary>
    [OneWay, Alias("EndAtSchoolLeavingAge")]
    Task EndAtSchoolLeavingAgeAsync(string placementId);

    /// <summary>Ends the placement; a destination says where the pupil went (required for a child of compulsory school age who leaves education).</summary>
    [Alias("EndPlacement")]
    Task<CommandResult<PupilSnapshot>> EndPlacementAsync(string placementId, DateOnly endDate, PlacementOutcome outcome, PlacementDestination? destination = null);

    /// <summary>Moves a live placement to another setting: same route and plan, the new place reserved before the old is given back.</summary>
    [Alias("TransferPlacement")]
    Task<CommandResult<PupilSnapshot>> TransferPlacementAsync(string placementId, string toApUrn, DateOnly onDate, IReadOnlyList<Session>? sessions, bool? fullTime, string by);

    /// <summary>Changes a live placement's sessions or planned end from a date, the place at the setting swapped in one step.</summary>
    [Alias("AmendPlacement")]
    Task<CommandResult<PupilSnapshot>> AmendPlacementAsync(
        string placementId, DateOnly effectiveFrom, IReadOnlyList<Session>? sessions, bool? fullTime, DateOnly? plannedEndDate, string? reason, string by);

    /// <summary>Records the pupil's home-school sessions and tuition from a date; a week below the full week needs an agreement and an end date.</summary>
    [Alias("SetTimetable")]
    Task<CommandResult<PupilSnapshot>> SetTimetableAsync(PupilTimetable timetable);

    [Alias("WithdrawReferral")]
    Task<CommandResult<PupilSnapshot>> WithdrawReferralAsync(string referralId, string reason);

    [Alias("SetReintegrationPlan")]
    Task<CommandResult<PupilSnapshot>> SetReintegrationPlanAsync(string placementId, ReintegrationPlan plan);

    [Alias("RecordReintegrationCheckIn")]
    Task<CommandResult<PupilSnapshot>> RecordReintegrationCheckInAsync(string placementId, ReintegrationCheckIn checkIn);

    /// <summary>The LA acknowledges or queries a school's notification of a placement; the school answers a query.</summary>
    [Alias("RespondToLaNotification")]
    Task<CommandResult<PupilSnapshot>> RespondToLaNotificationAsync(string placementId, LaNotificationStep response, string? note, string by);

    /// <summary>
    /// Records a suspension or permanent exclusion from the home school, its days counted on the home
    /// school's calendar; one that owes education from day 6 is put on the LA's list of duties.
    /// </summary>
    [Alias("RecordExclusion")]
    Task<CommandResult<PupilSnapshot>> RecordExclusionAsync(ExclusionKind kind, DateOnly startDate, int? sessions, ExclusionReason reason);

    /// <summary>Records the reinstatement (the governing board's direction, or the head's withdrawal); the duty ends with it.</summary>
    [Alias("ReinstateExclusion")]
    Task<CommandResult<PupilSnapshot>> ReinstateExclusionAsync(string exclusionId, DateOnly reinstatedOn);

    /// <summary>
    /// Applies the retention policy as of today: removes the kinds of record past their period and
    /// not open, and erases the pupil once nothing is left to keep. A dry run changes nothing.
    /// Null for a pupil not registered or already erased.
    /// </summary>
    [Alias("ApplyRetention")]
    Task<RetentionOutcome?> ApplyRetentionAsync(bool dryRun, string by, string role);

    /// <summary>Erases the pupil on a request the LA granted, keeping the reason; refused while a record is open (ErasureRules).</summary>
    [Alias("EraseOnRequest")]
    Task<CommandResult<PupilErasure>> EraseOnRequestAsync(string? reason, string by, string role);
}
