namespace ApGrid.Grains;

/// <summary>The "Ehcp" configuration section: how often each LA sweeps its open cases for newly overdue ones.</summary>
public sealed class EhcpDeadlineOptions
{
    public TimeSpan OverdueCheckPeriod { get; set; } = TimeSpan.FromHours(1);
}
