namespace ApGrid.Domain;

/// <summary>
/// One step in a school's notification of a placement it commissioned: the school tells the LA
/// (and tells it again when the placement changes); the LA acknowledges or queries; the school answers.
/// </summary>
public enum LaNotificationStep
{
    Notified,
    Changed,
    Acknowledged,
    Queried,
    Answered,
}
