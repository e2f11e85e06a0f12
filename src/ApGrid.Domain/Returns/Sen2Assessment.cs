namespace ApGrid.Domain.Returns;

/// <summary>SEN2 module 3: an EHC needs assessment; no outcome while it is still running.</summary>
public sealed record Sen2Assessment(string? Outcome, DateOnly? OutcomeDate, bool Week20, Sen2NamedPlan? NamedPlan);
