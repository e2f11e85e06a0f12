namespace ApGrid.Grains;

/// <summary>The "Outreach" configuration section: the caseload cap, as pupils per so many funded hours a week.</summary>
public sealed class OutreachOptions
{
    public int CaseloadPupils { get; set; } = OutreachCaseloadCap.Default.Pupils;

    public double CaseloadHours { get; set; } = OutreachCaseloadCap.Default.PerHours;

    public OutreachCaseloadCap Cap => new(CaseloadPupils, CaseloadHours);
}
