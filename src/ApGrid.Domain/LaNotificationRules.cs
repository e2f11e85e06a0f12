namespace ApGrid.Domain;

/// <summary>
/// Schools tell the LA about every placement they commission (DfE, August 2025): the notification
/// is made with the placement, and waits for the LA until acknowledged. A query waits for the
/// school's answer; a change to an acknowledged placement (sessions, end, provider) is news again.
/// </summary>
public static class LaNotificationRules
{
    /// <summary>The placements a school commissions: its off-site directions and its provision for suspensions.</summary>
    public static bool IsNotified(PlacementRoute route) => RouteRules.CommissionedBy(route) == Commissioner.School;

    public static LaNotificationStatus StatusAfter(LaNotificationStep step) => step switch
    {
        LaNotificationStep.Acknowledged => LaNotificationStatus.Acknowledged,
        LaNotificationStep.Queried => LaNotificationStatus.Queried,
        _ => LaNotificationStatus.AwaitingAcknowledgement,
    };

    /// <summary>Whether the notification is on the LA's list: not yet acknowledged.</summary>
    public static bool IsOpen(LaNotificationStatus status) => status != LaNotificationStatus.Acknowledged;

    /// <summary>
    /// The LA acknowledges an open notification (a queried one too: the answer may come by phone)
    /// or queries it with a question; the school answers a query. <paramref name="note"/> is the
    /// question or the answer, and optional on an acknowledgement.
    /// </summary>
    /// <returns>null if the step may follow <paramref name="current"/>.</returns>
    public static DomainError? CheckRespond(LaNotificationStatus current, LaNotificationStep step, string? note)
    {
        switch (step)
        {
            case LaNotificationStep.Acknowledged when current == LaNotificationStatus.Acknowledged:
                return DomainError.Conflict("placementId", "The LA has already acknowledged this placement.");
            case LaNotificationStep.Queried when current == LaNotificationStatus.Acknowledged:
                return DomainError.Conflict("placementId", "The LA has acknowledged this placement; it is no longer open to a query.");
            case LaNotificationStep.Queried when string.IsNullOrWhiteSpace(note):
                return DomainError.Validation("question", "A query needs the question the school is to answer.");
            case LaNotificationStep.Answered when current != LaNotificationStatus.Queried:
                return DomainError.Conflict("placementId", "The LA has no open query on this placement.");
            case LaNotificationStep.Answered when string.IsNullOrWhiteSpace(note):
                return DomainError.Validation("answer", "An answer cannot be empty.");
            case LaNotificationStep.Notified or LaNotificationStep.Changed:
                throw new ArgumentOutOfRangeException(nameof(step), step, "The school notifies with the placement itself, not as a response.");
            default:
                return note is { Length: > MaxNoteLength }
                    ? DomainError.Validation(step == LaNotificationStep.Answered ? "answer" : step == LaNotificationStep.Queried ? "question" : "note", $"At most {MaxNoteLength} characters.")
                    : null;
        }
    }

    public const int MaxNoteLength = 2000;

    /// <summary>A change to an acknowledged placement is news to the LA again; an open notification already waits.</summary>
    public static bool NeedsRenotifying(LaNotificationStatus current) => current == LaNotificationStatus.Acknowledged;
}
