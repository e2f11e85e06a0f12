namespace ApGrid.Domain;

public enum ChangeKind
{
    Capacity,
    Placement,
    Referral,
    WaitingList,
    Ehcp,
    Outreach,
}
