namespace ApGrid.Grains;

/// <summary>The "Placements" configuration section: how often each LA ends the placements of pupils past the school leaving date.</summary>
public sealed class SchoolLeavingOptions
{
    public TimeSpan LeavingAgeCheckPeriod { get; set; } = TimeSpan.FromHours(6);
}
