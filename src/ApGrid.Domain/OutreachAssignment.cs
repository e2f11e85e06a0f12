namespace ApGrid.Domain;

public sealed record OutreachAssignment(string RequestId, string Urn, double Hours);
