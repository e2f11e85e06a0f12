namespace ApGrid.Domain;

/// <summary>
/// Rules for the steps of an EHC case after the request: the 15 days a draft gives parents,
/// exceptions to the time limits, annual reviews and ceasing a plan. Each check returns the error
/// naming the input field at fault, or null; none changes anything.
/// </summary>
public static class EhcLifecycle
{
    public const int DraftCommentDays = 15;

    public const int MaxNoteLength = 500;

    /// <summary>A final plan only once parents have had 15 days to comment on the draft and name a school (reg 13(1)).</summary>
    public static DomainError? CheckFinalAfterDraft(DateOnly draftIssuedOn, DateOnly finalOn)
    {
        var earliest = draftIssuedOn.AddDays(DraftCommentDays);
        return finalOn >= earliest
            ? null
            : DomainError.Validation(
                "date",
                $"A final plan may be issued no sooner than {DraftCommentDays} days after the draft (issued {draftIssuedOn:yyyy-MM-dd}), so parents can comment and name a school: not before {earliest:yyyy-MM-dd}.");
    }

    /// <summary>The regulation that excuses missing <paramref name="deadline"/>; only the three assessment limits have exceptions.</summary>
    public static string? ExceptionRegulation(EhcDeadlineKind deadline) => deadline switch
    {
        EhcDeadlineKind.Decision => "5(4)",
        EhcDeadlineKind.NotIssueNotice => "10(4)",
        EhcDeadlineKind.Final => "13(3)",
        _ => null,
    };

    public static DomainError? ValidateException(EhcDeadlineKind deadline, DateOnly date, string? note, DateOnly requestedOn, DateOnly today)
    {
        if (ExceptionRegulation(deadline) is null)
        {
            return DomainError.Validation("deadline", "Exceptions apply only to the DECISION (reg 5(4)), NOT_ISSUE_NOTICE (reg 10(4)) and FINAL (reg 13(3)) time limits.");
        }

        if (date < requestedOn) return DomainError.Validation("date", $"An exception cannot start before the request, {requestedOn:yyyy-MM-dd}.");
        if (date > today) return DomainError.Validation("date", "The date cannot be in the future.");
        return ValidateNote(note);
    }

    /// <summary>A review meeting comes after the plan, after the last review, and not in the future.</summary>
    public static DomainError? ValidateReviewMeeting(DateOnly meetingOn, DateOnly finalIssuedOn, DateOnly? lastMeetingOn, DateOnly today)
    {
        if (meetingOn < finalIssuedOn) return DomainError.Validation("meetingOn", $"A review cannot be before the plan was issued ({finalIssuedOn:yyyy-MM-dd}).");
        if (lastMeetingOn is { } last && meetingOn <= last) return DomainError.Validation("meetingOn", $"A review must come after the last one ({last:yyyy-MM-dd}).");
        return meetingOn > today ? DomainError.Validation("meetingOn", "The date cannot be in the future.") : null;
    }

    public static DomainError? ValidateReviewDecision(DateOnly decidedOn, DateOnly meetingOn, DateOnly? alreadyDecidedOn, DateOnly today)
    {
        if (alreadyDecidedOn is { } decided) return DomainError.Conflict("meetingOn", $"The LA already decided on this review on {decided:yyyy-MM-dd}.");
        if (decidedOn < meetingOn) return DomainError.Validation("date", $"The decision cannot be before the review meeting ({meetingOn:yyyy-MM-dd}).");
        return decidedOn > today ? DomainError.Validation("date", "The date cannot be in the future.") : null;
    }

    /// <summary>Only an issued plan that still stands can be ceased, on or after the case's last date.</summary>
    public static DomainError? ValidateCease(EhcpStage stage, DateOnly? ceasedOn, DateOnly date, DateOnly lastDate, DateOnly today, string? note)
    {
        if (stage != EhcpStage.FinalIssued) return DomainError.Conflict("pupilId", "Only an issued plan can be ceased; this case is not FINAL_ISSUED.");
        if (ceasedOn is { } ceased) return DomainError.Conflict("pupilId", $"The plan already ceased on {ceased:yyyy-MM-dd}.");
        return EhcpRules.ValidateDate(date, lastDate, today) ?? ValidateNote(note);
    }

    /// <summary>SEN2's code for a cease reason.</summary>
    public static int Sen2CeaseCode(EhcCeaseReason reason) => (int)reason + 1;

    private static DomainError? ValidateNote(string? note) =>
        note is { Length: > MaxNoteLength } ? DomainError.Validation("note", $"note must be at most {MaxNoteLength} characters.") : null;
}
