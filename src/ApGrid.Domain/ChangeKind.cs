namespace ApGrid.Domain;

public enum ChangeKind
{
    Capacity,
    Placement,
    Referral,
    WaitingList,
    Ehcp,
    Outreach,

    /// <summary>An EHC deadline fell overdue; the subject is "pupilId#DEADLINE_KIND#yyyy-MM-dd".</summary>
    EhcpDeadline,
}
