namespace ApGrid.Grains.Abstractions;

/// <summary>A correction asked for: each field left null stays as it is; <see cref="By"/> is who asks, for the record's history.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PupilRecordChange")]
public sealed record PupilRecordChange(
    [property: Id(0)] string By,
    [property: Id(1)] string? Reason,
    [property: Id(2)] DateOnly? DateOfBirth = null,
    [property: Id(3)] int? YearGroupOffset = null,
    [property: Id(4)] SenProvision? SenProvision = null,
    [property: Id(5)] NeedType? PrimaryNeed = null,
    [property: Id(6)] bool? LookedAfter = null,
    [property: Id(7)] string? HomeSchoolUrn = null,
    [property: Id(8)] string? HomePostcode = null);
