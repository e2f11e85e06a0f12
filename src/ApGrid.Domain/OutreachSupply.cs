namespace ApGrid.Domain;

/// <summary>An AP setting's outreach as published, with what is already allocated from it.</summary>
public sealed record OutreachSupply(
    string Urn,
    GeoPoint Location,
    IReadOnlyCollection<KeyStage> KeyStages,
    double HoursPerWeek,
    double HoursAllocated,
    int Caseload)
{
    public double HoursFree => HoursPerWeek - HoursAllocated;
}
