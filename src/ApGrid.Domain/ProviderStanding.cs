namespace ApGrid.Domain;

/// <summary>A provider's standing on one day: status, RAG, why, and the parts lapsed or about to.</summary>
public sealed record ProviderStanding(
    ProviderStatus Status,
    Rag Rag,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<ProviderExpiry> Lapsed,
    IReadOnlyList<ProviderExpiry> ExpiringSoon)
{
    /// <summary>Commissioners may use the provider: approved (with or without conditions) and nothing lapsed.</summary>
    public bool Commissionable => Status is ProviderStatus.Approved or ProviderStatus.ApprovedWithConditions;
}
