namespace ApGrid.Grains;

/// <summary>The "Assurance" configuration section: the LA's assurance periods (<see cref="AssurancePolicy"/>) and how often providers check for lapses.</summary>
public sealed class AssuranceOptions
{
    public int ApprovalMonths { get; set; } = AssurancePolicy.Default.ApprovalMonths;

    public int VettingValidMonths { get; set; } = AssurancePolicy.Default.VettingValidMonths;

    public int VisitValidMonths { get; set; } = AssurancePolicy.Default.VisitValidMonths;

    public int AlertDaysBefore { get; set; } = AssurancePolicy.Default.AlertDaysBefore;

    public int MaxNonSchoolWeeks { get; set; } = AssurancePolicy.Default.MaxNonSchoolWeeks;

    public TimeSpan AlertCheckPeriod { get; set; } = TimeSpan.FromHours(1);

    public AssurancePolicy Policy => new(ApprovalMonths, VettingValidMonths, VisitValidMonths, AlertDaysBefore, MaxNonSchoolWeeks);
}
