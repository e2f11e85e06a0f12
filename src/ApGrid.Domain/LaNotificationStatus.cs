namespace ApGrid.Domain;

/// <summary>Where the LA stands on a placement a school told it about.</summary>
public enum LaNotificationStatus
{
    AwaitingAcknowledgement,
    Acknowledged,
    Queried,
}
