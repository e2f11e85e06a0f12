namespace ApGrid.Grains.Abstractions;

/// <summary>
/// A school's request for outreach. The school's location and the pupil's date of birth and key
/// stage are copied in when it is made, so allocation weighs every request without visiting pupils.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.OutreachRequestRecord")]
public sealed record OutreachRequestRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string SchoolUrn,
    [property: Id(2)] Location SchoolLocation,
    [property: Id(3)] string? PupilId,
    [property: Id(4)] DateOnly? PupilDateOfBirth,
    [property: Id(5)] KeyStage? PupilKeyStage,
    [property: Id(6)] string Reason,
    [property: Id(7)] int SuspensionsThisTerm,
    [property: Id(8)] double HoursRequested,
    [property: Id(9)] DateOnly RequestedOn,
    [property: Id(10)] OutreachAllocationRecord? Allocation);
