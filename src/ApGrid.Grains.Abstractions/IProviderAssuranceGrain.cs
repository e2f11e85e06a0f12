namespace ApGrid.Grains.Abstractions;

/// <summary>
/// A provider's quality assurance, keyed "{laCode}/{urn}" like its setting: the versioned
/// due-diligence record, the LA's decision, overrides and extensions. It tells the setting its
/// approval through the outbox, so the setting decides reservations without calling out.
/// </summary>
[Alias("ApGrid.IProviderAssuranceGrain")]
public interface IProviderAssuranceGrain : IOutboxOwner
{
    /// <summary>The record, or an empty one (version 0) for a provider never assessed.</summary>
    [AlwaysInterleave, Alias("Get")]
    Task<ProviderAssuranceSnapshot> GetAsync();

    /// <summary>Stores a new version of the due diligence; refused (changing nothing) when a date is after today or a concern is resolved before raised.</summary>
    [Alias("RecordDueDiligence")]
    Task<CommandResult<ProviderAssuranceSnapshot>> RecordDueDiligenceAsync(DueDiligenceRecord record, AssuranceChange change, string by, string role);

    /// <summary>Approves (until a day; default the policy's months), approves with conditions, refuses or suspends, with a reason.</summary>
    [Alias("Decide")]
    Task<CommandResult<ProviderAssuranceSnapshot>> DecideAsync(ProviderDecision decision, string? reason, DateOnly? approvedUntil, string by);

    /// <summary>Lets one pupil be placed although the provider is not approved; the reason is kept.</summary>
    [Alias("Override")]
    Task<CommandResult<ProviderAssuranceSnapshot>> OverrideAsync(string pupilId, string reason, string by);

    /// <summary>Allows a placement here past the time limit until a day, with the review's reason.</summary>
    [Alias("ExtendPlacement")]
    Task<CommandResult<ProviderAssuranceSnapshot>> ExtendPlacementAsync(string placementId, DateOnly until, string reason, string by);

    /// <summary>Raises one change-feed alert per part of the approval newly lapsing soon or lapsed; returns the subjects raised.</summary>
    [Alias("CheckAlerts")]
    Task<IReadOnlyList<string>> CheckAlertsAsync();
}
