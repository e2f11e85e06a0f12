namespace ApGrid.Grains;

/// <summary>The "Exclusions" configuration section: how often each LA sweeps its sixth-day duties for newly overdue ones.</summary>
public sealed class ExclusionDutyOptions
{
    public TimeSpan DutyCheckPeriod { get; set; } = TimeSpan.FromHours(1);
}
