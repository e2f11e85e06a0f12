namespace ApGrid.Grains.Abstractions;

/// <summary>The hours that make "full time" (section "Placements"); both are policy, so configurable.</summary>
public sealed class PlacementHoursOptions
{
    /// <summary>Weekly hours from which a provider's pupil counts as full time in the registration test.</summary>
    public double RegistrationFullTimeHours { get; set; } = PackageRules.DefaultRegistrationFullTimeHours;

    /// <summary>The mainstream week the full-time-education check compares a pupil's package with.</summary>
    public double FullWeekHours { get; set; } = PackageRules.DefaultFullWeekHours;
}
