namespace ApGrid.Grains.Abstractions;

/// <summary>
/// What is left of an erased pupil: when, why and by whom, and which kinds of record went. No
/// personal data: the pupil id is opaque and the UPN, initials, date of birth and postcode are gone.
/// Removed says "KIND: count" with the kind as the API spells it (REFERRAL: 1).
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PupilErasure")]
public sealed record PupilErasure(
    [property: Id(0)] DateTimeOffset ErasedAt,
    [property: Id(1)] ErasureGround Ground,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string By,
    [property: Id(4)] string Role,
    [property: Id(5)] IReadOnlyList<string> Removed);
