namespace ApGrid.Grains.Abstractions;

/// <summary>
/// An AP setting as the LA's capacity index holds it. Version grows with every change so the index
/// can drop a snapshot that arrives after a newer one.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ApCapacitySnapshot")]
public sealed record ApCapacitySnapshot(
    [property: Id(0)] string Urn,
    [property: Id(1)] ApSettingProfile Profile,
    [property: Id(2)] int FullTimePlaces,
    [property: Id(3)] int FullTimePlacesFree,
    [property: Id(4)] IReadOnlyList<SessionCapacity> Sessions,
    [property: Id(5)] double OutreachHoursPerWeek,
    [property: Id(6)] double OutreachHoursFree,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] long Version,
    [property: Id(9)] int OutreachCaseload = 0);
