namespace ApGrid.Grains;

/// <summary>
/// What an outbox message asks of another grain. Stored as numbers, so a kind is never renumbered:
/// a retired kind keeps its number and is delivered as nothing.
/// </summary>
public enum OutboxMessageKind
{
    /// <summary>The LA counts the placement (subject: the placement id).</summary>
    LaPlacementStarted = 0,

    /// <summary>The LA counts the placement's end and outcome (subject: the placement id).</summary>
    LaPlacementEnded = 1,

    /// <summary>The LA's EHC tracker takes the pupil's current case (subject: the pupil id).</summary>
    LaEhcpCase = 2,

    /// <summary>The LA's waiting figures take the entry as it is now (subject: the entry id).</summary>
    LaWaitingEntry = 3,

    /// <summary>Retired: the setting once waited for the pupil to confirm a held place.</summary>
    Retired4 = 4,

    /// <summary>The tenant's change feed gets a referral entry (subject: the referral id).</summary>
    ReferralChanged = 5,

    /// <summary>The tenant's change feed gets a placement entry (subject: the placement id).</summary>
    PlacementChanged = 6,

    /// <summary>The tenant's change feed gets an EHC entry (subject: the pupil id).</summary>
    EhcpChanged = 7,

    /// <summary>The tenant's change feed gets a waiting-list entry (subject: the entry id, or the school's URN for its places).</summary>
    WaitingListChanged = 8,

    /// <summary>
    /// Resolves a placement start (subject: the placement id): once the pupil has recorded the
    /// placement there is nothing to do; otherwise the start died between reserving and recording,
    /// and the setting gives the place back.
    /// </summary>
    PlacementStartResolved = 9,

    /// <summary>The AP setting frees the place of an ended placement (subject: the placement id).</summary>
    SettingPlaceReleased = 10,

    /// <summary>The LA's capacity index takes the setting's snapshot as it is now (subject: the URN).</summary>
    LaCapacity = 11,

    /// <summary>The tenant's change feed gets a capacity entry (subject: the URN).</summary>
    CapacityChanged = 12,

    /// <summary>The home school lists the registered pupil (subject: the school's URN).</summary>
    SchoolPupilAdded = 13,

    /// <summary>
    /// Resolves a registration (subject: the pupil id): once the pupil is registered the UPN's
    /// claim stands; otherwise the registration died after claiming the UPN, and the LA releases it.
    /// </summary>
    RegistrationResolved = 14,

    /// <summary>
    /// Resolves a waiting-list add (subject: the request id): the special school adds the entry
    /// (the same entry again if it already has it) and the pupil records it.
    /// </summary>
    WaitingListAddResolved = 15,

    /// <summary>The tenant's change feed gets an outreach entry (subject: the request id).</summary>
    OutreachChanged = 16,

    /// <summary>The special school closes an entry the pupil left for a place elsewhere (subject: the entry id).</summary>
    WaitingEntryRemoved = 17,

    /// <summary>The pupil's home school changed: the former school takes the pupil off its roll.</summary>
    SchoolPupilRemoved = 18,

    /// <summary>
    /// Resolves a change of a placement's sessions (subject: the placement id): the setting holds
    /// the sessions the pupil recorded, so a change that died before it was recorded is put back.
    /// </summary>
    PlacementPlaceResolved = 19,

    /// <summary>The LA files or unfiles the pupil for the part-time-timetable list (subject: the pupil id).</summary>
    LaPackage = 20,

    /// <summary>The tenant's change feed gets a child-missing-education alert (subject: the placement id).</summary>
    MissingEducationRaised = 21,

    /// <summary>The LA's sixth-day duties take the exclusion as it is now (subject: the exclusion id).</summary>
    LaExclusionDuty = 25,

    /// <summary>The tenant's change feed gets an exclusion entry (subject: the exclusion id).</summary>
    ExclusionChanged = 26,

    /// <summary>The placement's attendance takes the register's marks of the day for it (subject: the placement id).</summary>
    AttendanceMarked = 30,

    /// <summary>The tenant's change feed gets a not-arrived entry (subject: "pupilId#Session" of the register's alert).</summary>
    NotArrivedRaised = 31,

    /// <summary>The LA's attendance bands take the placement's attendance to date (subject: the placement id).</summary>
    LaAttendance = 32,
    /// <summary>The AP setting takes the provider's approval as it is now (subject: the URN).</summary>
    SettingApproval = 35,

    /// <summary>The tenant's change feed gets a provider-assurance entry (subject: the URN).</summary>
    ProviderAssuranceChanged = 36,

    /// <summary>The tenant's change feed gets an expiry alert (subject: "urn#ITEM#yyyy-MM-dd#LAPSED|EXPIRING").</summary>
    ProviderAlertRaised = 37,

    /// <summary>The LA's registry takes the AP setting's or special school's name as it is now (subject: the URN).</summary>
    LaRegistry = 46,

    /// <summary>The tenant's audit trail records what retention or an erasure removed (subject: the pupil id).</summary>
    ErasureAudited = 60,

    /// <summary>
    /// The LA drops what it keeps of the pupil's removed kinds of record, and the UPN claim once the
    /// pupil is erased (subject: the kinds' names joined by commas, then "#" and the UPN when erased).
    /// </summary>
    LaRecordsForgotten = 61,

    /// <summary>The LA's UPN-match worklist takes the registration's match as it is now (subject: the pupil id).</summary>
    LaUpnMatch = 65,

    /// <summary>The existing record of a matched UPN moves to the registering school, as the LA decided (subject: that pupil's id).</summary>
    UpnMatchTransfer = 66,
}
