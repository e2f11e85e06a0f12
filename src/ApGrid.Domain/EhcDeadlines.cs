namespace ApGrid.Domain;

/// <summary>
/// The deadlines an EHC case owes, met and unmet, as of a date. Each is a calendar day and the day
/// itself is in time (<see cref="EhcDeadline.IsOverdueOn"/>). Recorded exceptions do not move a
/// deadline: the regulations excuse the lateness, they do not pause the clock.
/// </summary>
public static class EhcDeadlines
{
    public const int NoticeNotToIssueDays = 16 * 7;

    public const int ReviewDecisionDays = 4 * 7;

    /// <summary>
    /// The year groups a pupil moves phase into: Reception (from nursery), Year 7 (secondary) and
    /// Year 12 (post-16). Infant to junior (Year 3) and middle-school moves depend on how an area's
    /// schools are organised, so they are left to the annual review rather than guessed.
    /// </summary>
    public static readonly IReadOnlyList<int> TransferIntoYears = [0, 7, 12];

    /// <summary>The kind as the API names it (NOT_ISSUE_NOTICE), for text that leaves the process such as feed subjects.</summary>
    public static string SchemaName(EhcDeadlineKind kind) => kind switch
    {
        EhcDeadlineKind.Decision => "DECISION",
        EhcDeadlineKind.NotIssueNotice => "NOT_ISSUE_NOTICE",
        EhcDeadlineKind.Final => "FINAL",
        EhcDeadlineKind.AnnualReview => "ANNUAL_REVIEW",
        EhcDeadlineKind.ReviewDecision => "REVIEW_DECISION",
        _ => "PHASE_TRANSFER",
    };

    public static DateOnly NoticeNotToIssueDue(DateOnly requestedOn) => requestedOn.AddDays(NoticeNotToIssueDays);

    public static DateOnly ReviewDecisionDue(DateOnly meetingOn) => meetingOn.AddDays(ReviewDecisionDays);

    /// <summary>Every deadline of the case, earliest first. A ceased plan keeps only the deadlines it met.</summary>
    public static IReadOnlyList<EhcDeadline> For(EhcCaseFacts facts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var requested = facts.RequestedOn;
        var list = new List<EhcDeadline> { new(EhcDeadlineKind.Decision, EhcTimeline.DecisionDue(requested), facts.DecisionOn) };

        // The notice is owed only once the LA has decided to assess, and only until it drafts a plan.
        var assessed = facts.Stage is not (EhcpStage.Requested or EhcpStage.NotAssessed);
        if (assessed && facts.DraftIssuedOn is null)
        {
            list.Add(new(EhcDeadlineKind.NotIssueNotice, NoticeNotToIssueDue(requested), facts.NotIssuedOn));
        }

        if (!EhcpRules.ClosedWithoutPlan(facts.Stage)) list.Add(new(EhcDeadlineKind.Final, EhcTimeline.FinalDue(requested), facts.FinalIssuedOn));

        if (facts.FinalIssuedOn is { } final)
        {
            DateOnly? lastMeeting = null;
            foreach (var review in facts.Reviews.OrderBy(r => r.MeetingOn))
            {
                list.Add(new(EhcDeadlineKind.AnnualReview, EhcTimeline.AnnualReviewDue(final, lastMeeting), review.MeetingOn));
                list.Add(new(EhcDeadlineKind.ReviewDecision, ReviewDecisionDue(review.MeetingOn), review.DecisionOn));
                lastMeeting = review.MeetingOn;
            }

            list.Add(new(EhcDeadlineKind.AnnualReview, EhcTimeline.AnnualReviewDue(final, lastMeeting), null));

            // A plan first issued after 15 February of the transfer year already names the new setting.
            if (facts.DateOfBirth is { } born && PhaseTransferDue(born, facts.NcyOffset, asOf) is { } due && due >= final)
            {
                var reviewedFrom = new DateOnly(due.Year - 1, 9, 1);
                var met = facts.Reviews.Where(r => r.MeetingOn >= reviewedFrom && r.DecisionOn is not null).Min(r => r.DecisionOn);
                list.Add(new(EhcDeadlineKind.PhaseTransfer, due, met));
            }
        }

        if (facts.CeasedOn is not null) list.RemoveAll(d => d.MetOn is null);
        return [.. list.OrderBy(d => d.DueOn).ThenBy(d => d.Kind)];
    }

    /// <summary>The earliest deadline still owed, or null when nothing is.</summary>
    public static EhcDeadline? Next(IEnumerable<EhcDeadline> deadlines) =>
        deadlines.Where(d => d.MetOn is null).MinBy(d => d.DueOn);

    /// <summary>
    /// 15 February of the calendar year of the pupil's next phase transfer (see
    /// <see cref="TransferIntoYears"/>), kept until the transfer on 1 September; null after Year 11.
    /// </summary>
    public static DateOnly? PhaseTransferDue(DateOnly dateOfBirth, int ncyOffset, DateOnly asOf)
    {
        var academicYear = SchoolYear.AcademicYearStart(asOf).Year;
        var ncy = SchoolYear.NcyOn(dateOfBirth, asOf, ncyOffset);
        for (var years = 1; ncy + years <= TransferIntoYears[^1]; years++)
        {
            if (TransferIntoYears.Contains(ncy + years)) return new DateOnly(academicYear + years, 2, 15);
        }

        return null;
    }
}
