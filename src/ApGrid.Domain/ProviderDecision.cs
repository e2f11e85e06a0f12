namespace ApGrid.Domain;

/// <summary>What the LA last decided about a provider on its due-diligence record.</summary>
public enum ProviderDecision
{
    NotDecided,
    Approved,
    ApprovedWithConditions,
    NotApproved,
    Suspended,
}
