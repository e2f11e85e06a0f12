namespace ApGrid.Domain;

/// <summary>
/// How a placement is registered: the home school's registration (null when the pupil is off its
/// roll), the provider's (null at a non-school provider, which keeps no admission register), and
/// the code the home school or LA records for the pupil's sessions at the provider (null when the
/// provider is the pupil's only school and records attendance itself).
/// </summary>
public sealed record PlacementRegistration(Registration? HomeSchool, Registration? Provider, string? AttendanceCode);
