namespace ApGrid.Domain.Returns;

/// <summary>
/// One pupil's AP placement on census day, in the census's codes: a row of the AP census and of the
/// school census AP placement module. <see cref="LeavingDate"/> is empty while the placement runs on.
/// </summary>
public sealed record ApPlacementRow(
    string PupilId,
    string Upn,
    DateOnly DateOfBirth,
    string? Postcode,
    string SenProvision,
    string? SenType,
    string? Urn,
    string? Ukprn,
    string SettingType,
    string Reason,
    DateOnly EntryDate,
    DateOnly? LeavingDate,
    string AttendancePattern,
    int SessionsPerWeek);
