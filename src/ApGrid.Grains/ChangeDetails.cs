using System.Globalization;

namespace ApGrid.Grains;

/// <summary>
/// What a stored change did, for its feed entry: the action, a summary and the fields that differ
/// between the state before and after, named and valued as the API shows them. Summaries of pupil
/// entries name no pupil and carry no values (a partner reads them); the values are in the fields,
/// which only callers who may read the pupil get.
/// </summary>
public static class ChangeDetails
{
    public static ChangeDetail Placement(PlacementRecord? before, PlacementRecord after, string? actorRole)
    {
        ArgumentNullException.ThrowIfNull(after);
        var fields = Diff(
            ("setting", before?.ApUrn, after.ApUrn),
            ("status", before is null ? null : Status(before), Status(after)),
            ("startDate", Date(before?.StartDate), Date(after.StartDate)),
            ("plannedEndDate", Date(before?.PlannedEndDate), Date(after.PlannedEndDate)),
            ("endDate", Date(before?.EndDate), Date(after.EndDate)),
            ("outcome", Name(before?.Outcome), Name(after.Outcome)),
            ("fullTime", Bool(before?.FullTime), Bool(after.FullTime)),
            ("sessions", before is null ? null : List(before.Sessions), List(after.Sessions)),
            ("reviewEveryWeeks", Int(before?.ReviewEveryWeeks), Int(after.ReviewEveryWeeks)),
            ("reviews", Int(before?.Reviews.Count), Int(after.Reviews.Count)),
            ("checkInDue", Date(before?.CheckInDue), Date(after.CheckInDue)),
            ("laNotification", Name(before?.LaNotificationStatus), Name(after.LaNotificationStatus)));
        var (action, summary) = (before, after) switch
        {
            (null, _) => (ChangeAction.PlacementStarted, "A placement started."),
            ({ EndDate: null }, { EndDate: not null }) => (ChangeAction.PlacementEnded, "A placement ended."),
            _ => (ChangeAction.PlacementUpdated, "A placement changed: " + Names(fields) + "."),
        };
        return new(action, summary, fields, actorRole);
    }

    public static ChangeDetail Referral(ReferralRecord? before, ReferralRecord after, string? actorRole)
    {
        ArgumentNullException.ThrowIfNull(after);
        var fields = Diff(
            ("status", Name(before?.Status), ContractNames.Of(after.Status)),
            ("submittedOn", Date(before?.SubmittedOn), Date(after.SubmittedOn)),
            ("decidedOn", Date(before?.DecidedOn), Date(after.DecidedOn)),
            ("panelMembers", Int(before?.PanelMembers.Count), Int(after.PanelMembers.Count)),
            ("parentalConsent", Bool(before?.ParentalConsent), Bool(after.ParentalConsent)),
            ("consentNoticeGivenOn", Date(before?.ConsentNoticeGivenOn), Date(after.ConsentNoticeGivenOn)),
            ("placementId", before?.PlacementId, after.PlacementId));
        var (action, summary) = (before, after) switch
        {
            (null, _) => (ChangeAction.ReferralSubmitted, "A referral was submitted."),
            ({ DecidedOn: null }, { DecidedOn: not null }) => (ChangeAction.ReferralDecided, "A referral was decided."),
            _ => (ChangeAction.ReferralUpdated, "A referral changed: " + Names(fields) + "."),
        };
        return new(action, summary, fields, actorRole);
    }

    public static ChangeDetail Ehcp(EhcpCaseRecord? before, EhcpCaseRecord after, string? actorRole)
    {
        ArgumentNullException.ThrowIfNull(after);
        var fields = Diff(
            ("stage", Name(before?.Stage), ContractNames.Of(after.Stage)),
            ("requestedOn", Date(before?.RequestedOn), Date(after.RequestedOn)),
            ("requestSource", Name(before?.RequestSource), Name(after.RequestSource)),
            ("decisionOn", Date(before?.DecisionOn), Date(after.DecisionOn)),
            ("draftIssuedOn", Date(before?.DraftIssuedOn), Date(after.DraftIssuedOn)),
            ("finalIssuedOn", Date(before?.FinalIssuedOn), Date(after.FinalIssuedOn)),
            ("notIssuedOn", Date(before?.NotIssuedOn), Date(after.NotIssuedOn)),
            ("exceptions", Int(before?.ExceptionList.Count), Int(after.ExceptionList.Count)),
            ("annualReviews", Int(before?.ReviewList.Count), Int(after.ReviewList.Count)),
            ("specialSchoolIntendedOn", Date(before?.SpecialSchoolIntendedOn), Date(after.SpecialSchoolIntendedOn)),
            ("ceasedOn", Date(before?.CeasedOn), Date(after.CeasedOn)),
            ("ceaseReason", Name(before?.CeaseReason), Name(after.CeaseReason)));
        return before?.Stage == after.Stage
            ? new(ChangeAction.EhcpUpdated, "An EHC case changed: " + Names(fields) + ".", fields, actorRole)
            : new(ChangeAction.EhcpStageChanged, before is null ? "An EHC needs assessment was requested." : "An EHC case moved to another stage.", fields, actorRole);
    }

    /// <summary>A setting's offer is public to every role, so its summary may say what it is now.</summary>
    public static ChangeDetail Capacity(ApCapacitySnapshot? before, ApCapacitySnapshot after, string? actorRole)
    {
        ArgumentNullException.ThrowIfNull(after);
        var sessions = Sessions.All.SelectMany(s =>
        {
            var was = before?.Sessions.FirstOrDefault(c => c.Session == s);
            var now = after.Sessions.FirstOrDefault(c => c.Session == s);
            var name = "sessions." + ContractNames.Of(s);
            return new[] { (name + ".places", Int(was?.Places), Int(now?.Places)), (name + ".free", Int(was?.Free), Int(now?.Free)) };
        });
        var fields = Diff([
            ("fullTimePlaces", Int(before?.FullTimePlaces), Int(after.FullTimePlaces)),
            ("fullTimePlacesFree", Int(before?.FullTimePlacesFree), Int(after.FullTimePlacesFree)),
            .. sessions,
            ("outreachHoursPerWeek", Number(before?.OutreachHoursPerWeek), Number(after.OutreachHoursPerWeek)),
            ("outreachHoursFree", Number(before?.OutreachHoursFree), Number(after.OutreachHoursFree))]);
        var summary = string.Create(CultureInfo.InvariantCulture, $"{after.Profile.Name}: {after.FullTimePlacesFree} of {after.FullTimePlaces} full-time places free");
        return new(ChangeAction.CapacityChanged, summary + (fields.Count == 0 ? "." : "; changed " + Names(fields) + "."), fields, actorRole);
    }

    /// <summary>A deadline that fell overdue: raised by the system, so no actor; the due date is the point.</summary>
    public static ChangeDetail DeadlineOverdue(EhcDeadlineKind kind, DateOnly dueOn)
    {
        var (action, what) = kind switch
        {
            EhcDeadlineKind.AnnualReview => (ChangeAction.ReviewOverdue, "An EHC plan's annual review"),
            EhcDeadlineKind.ReviewDecision => (ChangeAction.ReviewOverdue, "The decision after an EHC plan's annual review"),
            EhcDeadlineKind.PhaseTransfer => (ChangeAction.ReviewOverdue, "The phase-transfer review of an EHC plan"),
            EhcDeadlineKind.Decision => (ChangeAction.DeadlineOverdue, "The decision whether to assess for an EHC plan"),
            EhcDeadlineKind.NotIssueNotice => (ChangeAction.DeadlineOverdue, "The notice not to issue an EHC plan"),
            _ => (ChangeAction.DeadlineOverdue, "The final EHC plan"),
        };
        return new(action, string.Create(CultureInfo.InvariantCulture, $"{what} is overdue (due {dueOn:yyyy-MM-dd})."), [new("deadline", null, EhcDeadlines.SchemaName(kind))], ActorRole: null, dueOn);
    }

    /// <summary>Changes whose owners keep no earlier state to compare with: the action and a summary only.</summary>
    public static ChangeDetail Plain(ChangeAction action, string summary, string? actorRole) => new(action, summary, [], actorRole);

    private static List<ChangedField> Diff(params (string Field, string? From, string? To)[] values) =>
        [.. values.Where(v => !string.Equals(v.From, v.To, StringComparison.Ordinal)).Select(v => new ChangedField(v.Field, v.From, v.To))];

    private static string Names(List<ChangedField> fields) => fields.Count == 0 ? "nothing the feed shows" : string.Join(", ", fields.Select(f => f.Field));

    private static string Status(PlacementRecord placement) => ContractNames.Of(placement.IsActive ? PlacementStatus.Active : PlacementStatus.Ended);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);

    private static string? Bool(bool? value) => value is { } b ? (b ? "true" : "false") : null;

    private static string? Name<T>(T? value) where T : struct, Enum => value is { } v ? ContractNames.Of(v) : null;

    private static string List(IEnumerable<Session> sessions) => string.Join(",", sessions.Select(s => ContractNames.Of(s)));
}
