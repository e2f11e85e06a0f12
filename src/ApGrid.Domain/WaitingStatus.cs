namespace ApGrid.Domain;

public enum WaitingStatus
{
    Waiting,
    Offered,
    Accepted,
    Declined,
    Removed,
}
