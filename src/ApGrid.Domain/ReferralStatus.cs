namespace ApGrid.Domain;

public enum ReferralStatus
{
    Submitted,
    Approved,
    Declined,
    Withdrawn,
    Placed,
}
