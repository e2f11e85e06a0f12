namespace ApGrid.Grains;

/// <summary>What a stored change still owes another grain.</summary>
public enum FollowUpKind
{
    /// <summary>The LA counts the placement (subject: the placement id).</summary>
    LaPlacementStarted,

    /// <summary>The LA counts the placement's end and outcome (subject: the placement id).</summary>
    LaPlacementEnded,

    /// <summary>The LA's EHC tracker takes the pupil's current case (subject: the pupil id).</summary>
    LaEhcpCase,

    /// <summary>The LA's waiting figures take the entry as it is now (subject: the entry id).</summary>
    LaWaitingEntry,

    /// <summary>The AP setting keeps the place it held for the placement, now written (subject: the placement id).</summary>
    SettingPlaceConfirmed,

    /// <summary>The tenant's change feed gets a referral entry (subject: the referral id).</summary>
    ReferralChanged,

    /// <summary>The tenant's change feed gets a placement entry (subject: the placement id).</summary>
    PlacementChanged,

    /// <summary>The tenant's change feed gets an EHC entry (subject: the pupil id).</summary>
    EhcpChanged,

    /// <summary>The tenant's change feed gets a waiting-list entry (subject: the entry id, or the school's URN for its places).</summary>
    WaitingListChanged,
}
