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

    /// <summary>A pupil expected at a setting had no mark by the session's cut-off; the subject is "pupilId#apUrn#homeSchoolUrn#yyyy-MM-dd#SESSION".</summary>
    NotArrived = 9,
    /// <summary>A provider's due diligence, the LA's decision on it, an override or an extension changed; the subject is the URN.</summary>
    ProviderAssurance = 11,

    /// <summary>Part of a provider's approval lapses soon or has lapsed; the subject is "urn#ITEM#yyyy-MM-dd#LAPSED|EXPIRING".</summary>
    ProviderAlert = 12,

    /// <summary>A placement ended with the child's destination unknown: a child missing education for the LA to find (subject: the placement id).</summary>
    MissingEducation = 13,
}
