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

    /// <summary>A placement ended with the child's destination unknown: a child missing education for the LA to find (subject: the placement id).</summary>
    MissingEducation = 13,
}
