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

    /// <summary>A suspension or permanent exclusion was recorded or reinstated; the subject is the exclusion id.</summary>
    Exclusion = 7,

    /// <summary>Day 6 of an exclusion came with no provision recorded for it; the subject is the exclusion id.</summary>
    ExclusionDutyOverdue = 8,

    /// <summary>A placement ended with the child's destination unknown: a child missing education for the LA to find (subject: the placement id).</summary>
    MissingEducation = 13,
}
