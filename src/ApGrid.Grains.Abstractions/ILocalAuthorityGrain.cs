namespace ApGrid.Grains.Abstractions;

/// <summary>
/// The tenant's root, keyed by LA code: its registry of settings and the live capacity index
/// that AP settings keep current, so LA-wide questions cost one grain call.
/// </summary>
[Alias("ApGrid.ILocalAuthorityGrain")]
public interface ILocalAuthorityGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<bool> CreateAsync(LocalAuthorityProfile profile);

    [AlwaysInterleave, Alias("GetProfile")]
    Task<LocalAuthorityProfile?> GetProfileAsync();

    /// <summary>Sets the routes on which the LA asks for parental consent before a placement starts.</summary>
    [Alias("SetConsentPolicy")]
    Task<LocalAuthorityProfile?> SetConsentPolicyAsync(IReadOnlyList<PlacementRoute> consentRoutes);

    /// <summary>Files or unfiles a pupil whose week can fall short of full time, for the part-time-timetable list.</summary>
    [Alias("TrackPackage")]
    Task TrackPackageAsync(string pupilId, string homeSchoolUrn, bool tracked);

    /// <summary>Files or unfiles a referral on the panel's worklist; harmless to repeat.</summary>
    [Alias("TrackReferral")]
    Task TrackReferralAsync(string referralId, string pupilId, bool open);

    /// <summary>The open referrals, referral id → pupil id.</summary>
    [AlwaysInterleave, Alias("GetOpenReferrals")]
    Task<IReadOnlyDictionary<string, string>> GetOpenReferralsAsync();

    /// <summary>Files or unfiles a school's placement notification on the LA's awaiting-acknowledgement list; harmless to repeat.</summary>
    [Alias("TrackNotification")]
    Task TrackNotificationAsync(string placementId, string pupilId, bool open);

    /// <summary>The notifications not yet acknowledged, placement id → pupil id.</summary>
    [AlwaysInterleave, Alias("GetOpenNotifications")]
    Task<IReadOnlyDictionary<string, string>> GetOpenNotificationsAsync();

    /// <summary>The pupils filed by <see cref="TrackPackageAsync"/>, pupil id → home school URN.</summary>
    [AlwaysInterleave, Alias("GetPackagePupils")]
    Task<IReadOnlyDictionary<string, string>> GetPackagePupilsAsync();

    [Alias("RegisterSchool")]
    Task RegisterSchoolAsync(RegistryEntry school);

    [Alias("RegisterApSetting")]
    Task RegisterApSettingAsync(RegistryEntry setting);

    [Alias("RegisterSpecialSchool")]
    Task RegisterSpecialSchoolAsync(RegistryEntry specialSchool);

    [AlwaysInterleave, Alias("GetRegistry")]
    Task<LocalAuthorityRegistry> GetRegistryAsync();

    /// <summary>Called by AP settings after every accepted change; older versions are ignored.</summary>
    [Alias("UpdateCapacity")]
    Task UpdateCapacityAsync(ApCapacitySnapshot snapshot);

    [Alias("GetCapacityIndex")]
    Task<IReadOnlyList<ApCapacitySnapshot>> GetCapacityIndexAsync();

    /// <summary>The index with its version, so what is computed from it can be known to be current later.</summary>
    [Alias("GetVersionedCapacityIndex")]
    Task<VersionedCapacityIndex> GetVersionedCapacityIndexAsync();

    /// <summary>
    /// Changes whenever the index does, so an answer computed from the index at a version is still
    /// right while the version stays the same.
    /// </summary>
    [AlwaysInterleave, Alias("GetCapacityVersion")]
    Task<CapacityIndexVersion> GetCapacityVersionAsync();

    /// <summary>
    /// Claims a UPN for a pupil: returns the pupil id that now holds it, which is another pupil's
    /// when the UPN is already registered in this LA.
    /// </summary>
    [Alias("ClaimUpn")]
    Task<string> ClaimUpnAsync(string upn, string pupilId);

    /// <summary>Gives a claim back when the registration it was for did not happen.</summary>
    [Alias("ReleaseUpn")]
    Task ReleaseUpnAsync(string upn, string pupilId);

    /// <summary>Takes a UPN match as the registration holds it now (idempotent, by the registration's pupil id).</summary>
    [Alias("RecordUpnMatch")]
    Task RecordUpnMatchAsync(UpnMatch match);

    /// <summary>The LA's UPN-match worklist, decided ones included, oldest first.</summary>
    [Alias("GetUpnMatches")]
    Task<IReadOnlyList<UpnMatch>> GetUpnMatchesAsync();

    /// <summary>Every registered pupil's id: what the retention job walks.</summary>
    [AlwaysInterleave, Alias("GetPupilIds")]
    Task<IReadOnlyList<string>> GetPupilIdsAsync();

    /// <summary>
    /// Drops what the LA keeps about the pupil's records of these kinds (the EHC tracker, worklists,
    /// duties) and, given the UPN, the pupil's claim on it; harmless to repeat.
    /// </summary>
    [Alias("ForgetPupilRecords")]
    Task ForgetPupilRecordsAsync(string pupilId, IReadOnlyList<RetainedRecordKind> kinds, string? upn);

    /// <summary>Feeds the running aggregates; each placement counts once however often it is reported.</summary>
    [Alias("RecordPlacementStarted")]
    Task RecordPlacementStartedAsync(PlacementFact fact);

    [Alias("RecordPlacementEnded")]
    Task RecordPlacementEndedAsync(PlacementFact fact);

    /// <summary>Keeps the LA's EHC tracker current; called by the pupil after every change to its case.</summary>
    [Alias("UpdateEhcpCase")]
    Task UpdateEhcpCaseAsync(EhcpCaseEntry entry);

    [AlwaysInterleave, Alias("GetEhcpCases")]
    Task<IReadOnlyList<EhcpCaseEntry>> GetEhcpCasesAsync();

    /// <summary>Keeps the waiting figures current; called by special schools after every change to an entry.</summary>
    [Alias("UpdateWaitingEntry")]
    Task UpdateWaitingEntryAsync(WaitingFact fact);

    /// <summary>
    /// Raises one EHCP_DEADLINE change-feed entry for each deadline (any kind) that has become
    /// overdue since the last check; a reminder calls it, so deadlines are noticed even when nobody is looking.
    /// </summary>
    /// <returns>The subjects raised, each "pupilId#DEADLINE_KIND#yyyy-MM-dd".</returns>
    [Alias("CheckEhcpDeadlines")]
    Task<IReadOnlyList<string>> CheckEhcpDeadlinesAsync();

    /// <summary>Final plans by the calendar year they were issued in, for SEN2's timeliness figure.</summary>
    [AlwaysInterleave, Alias("GetEhcpTimeliness")]
    Task<IReadOnlyDictionary<int, EhcTimelinessCounts>> GetEhcpTimelinessAsync();

    /// <summary>
    /// Asks every pupil in AP whose school leaving date has come to end their placement on that date;
    /// a reminder calls it, so no pupil stays "in AP" past Year 11.
    /// </summary>
    /// <returns>The placements asked to end.</returns>
    [Alias("EndPlacementsAtSchoolLeavingAge")]
    Task<IReadOnlyList<string>> EndPlacementsAtSchoolLeavingAgeAsync();

    /// <summary>The report's placement figures from the running aggregates: one grain call, whatever the LA's size.</summary>
    [AlwaysInterleave, Alias("GetReport")]
    Task<LaReportData> GetReportAsync();

    /// <summary>
    /// The report with its figures over time for one entry cohort, kind of AP and census day:
    /// computed for the request from the stored stints, the rest as <see cref="GetReportAsync()"/>.
    /// </summary>
    [AlwaysInterleave, Alias("GetFilteredReport")]
    Task<LaReportData> GetReportAsync(LaReportFilter filter);

    /// <summary>
    /// The report as published to everyone outside the LA: taken once per publication period
    /// (StatisticsOptions.PublishEvery, a day by default), so one placement starting or ending cannot be
    /// seen on its own. Interleaved like the LA's report; the first request of a period has
    /// <see cref="PublishReportAsync"/> take and store the period's figures.
    /// </summary>
    [AlwaysInterleave, Alias("GetPublishedReport")]
    Task<PublishedReport> GetPublishedReportAsync(LaReportFilter filter);

    /// <summary>Takes and stores the current period's figures unless they were already taken; the period's figures either way.</summary>
    [Alias("PublishReport")]
    Task<PublishedReport> PublishReportAsync();

    /// <summary>Keeps the LA's sixth-day duties current; called by the pupil after every change to an exclusion.</summary>
    [Alias("UpdateExclusionDuty")]
    Task UpdateExclusionDutyAsync(string exclusionId, ExclusionDutyEntry? entry);

    /// <summary>Every open sixth-day duty as of today, with whether a placement covers day 6 and whether it is overdue.</summary>
    [AlwaysInterleave, Alias("GetExclusionDuties")]
    Task<IReadOnlyList<ExclusionDutyStatus>> GetExclusionDutiesAsync();

    /// <summary>
    /// Raises one EXCLUSION_DUTY_OVERDUE change-feed entry for each exclusion whose day 6 has come
    /// with no placement covering it, once per exclusion; drops suspensions that are over. A reminder calls it.
    /// </summary>
    /// <returns>The exclusion ids raised.</returns>
    [Alias("CheckExclusionDuties")]
    Task<IReadOnlyList<string>> CheckExclusionDutiesAsync();

    /// <summary>Marks the demo data as complete, so a restart never seeds again.</summary>
    [Alias("MarkSeeded")]
    Task MarkSeededAsync();

    [AlwaysInterleave, Alias("IsSeeded")]
    Task<bool> IsSeededAsync();

    /// <summary>Keeps a placement's attendance to date for the report's bands; the latest figures replace the last.</summary>
    [Alias("RecordAttendance")]
    Task RecordAttendanceAsync(string placementId, AttendanceCounts toDate);

    /// <summary>Pupils in AP now by their attendance to date across their active placements.</summary>
    [AlwaysInterleave, Alias("GetAttendanceBands")]
    Task<IReadOnlyDictionary<AttendanceBand, int>> GetAttendanceBandsAsync();
}
