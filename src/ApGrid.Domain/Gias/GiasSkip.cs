namespace ApGrid.Domain.Gias;

/// <summary>An establishment the import leaves alone, and why (for the LA to see in the report).</summary>
public sealed record GiasSkip(string Urn, string Name, string Reason);
