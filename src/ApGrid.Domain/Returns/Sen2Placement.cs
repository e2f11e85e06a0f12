namespace ApGrid.Domain.Returns;

/// <summary>
/// A SEN2 placement (PlanDetail or PlacementDetail): the establishment's URN, or a UKPRN, or a SEN
/// setting code such as OLA; entry and leaving dates where ApGrid knows them.
/// </summary>
public sealed record Sen2Placement(string? Urn, string? Ukprn, string? SenSetting, DateOnly? EntryDate = null, DateOnly? LeavingDate = null);
