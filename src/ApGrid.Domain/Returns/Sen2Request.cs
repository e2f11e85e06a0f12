namespace ApGrid.Domain.Returns;

/// <summary>SEN2 module 2: a request for an EHC needs assessment and what came of it.</summary>
public sealed record Sen2Request(
    DateOnly ReceivedDate,
    string? Source,
    DateOnly? OutcomeDate,
    string? Outcome,
    Sen2Assessment? Assessment,
    Sen2ActivePlan? ActivePlan);
