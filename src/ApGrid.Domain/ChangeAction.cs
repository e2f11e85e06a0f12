namespace ApGrid.Domain;

/// <summary>
/// What happened, on a change-feed entry. Stored as numbers on the feed, so a member is never
/// renumbered; the API names them as the schema does (PLACEMENT_STARTED, REVIEW_OVERDUE, ...).
/// </summary>
public enum ChangeAction
{
    /// <summary>Something about the subject changed that no more precise action names.</summary>
    Updated = 0,

    /// <summary>A setting's places, sessions or outreach hours changed, or a place was taken or freed.</summary>
    CapacityChanged = 1,

    PlacementStarted = 2,
    PlacementEnded = 3,

    /// <summary>A review, objectives or another detail of a running placement changed.</summary>
    PlacementUpdated = 4,

    ReferralSubmitted = 5,

    /// <summary>The panel approved or declined the referral.</summary>
    ReferralDecided = 6,

    ReferralUpdated = 7,

    /// <summary>An EHC case moved to another stage.</summary>
    EhcpStageChanged = 8,

    /// <summary>An EHC case gained a review, exception or date without changing stage.</summary>
    EhcpUpdated = 9,

    WaitingListChanged = 10,
    OutreachChanged = 11,

    /// <summary>An EHC plan's annual review (or its decision, or the phase-transfer review) fell overdue.</summary>
    ReviewOverdue = 12,

    /// <summary>Any other statutory EHC deadline fell overdue.</summary>
    DeadlineOverdue = 13,

    /// <summary>A placement ended with the child's destination unknown: a child missing education for the LA to find.</summary>
    MissingEducation = 14,
}
