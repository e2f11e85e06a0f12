namespace ApGrid.Domain.Returns;

/// <summary>SEN2 module 4: an EHC plan issued, the placement it names, and its ceasing.</summary>
public sealed record Sen2NamedPlan(DateOnly StartDate, Sen2Placement Placement, DateOnly? CeaseDate, string? CeaseReason);
