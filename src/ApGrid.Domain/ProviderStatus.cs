namespace ApGrid.Domain;

/// <summary>A provider's place on the LA's approved register today: the decision, unless something it rests on has lapsed.</summary>
public enum ProviderStatus
{
    Approved,
    ApprovedWithConditions,
    NotApproved,
    Suspended,

    /// <summary>Approved once, but the approval, insurance, vetting confirmation or visit it rests on has lapsed.</summary>
    Expired,
}
