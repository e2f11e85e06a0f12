namespace ApGrid.Grains.Abstractions;

/// <summary>
/// A school registered a pupil with a UPN another record of the LA already holds. The school was
/// answered as for any new UPN (a refusal would tell it the child is known); the LA decides.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.UpnMatch")]
public sealed record UpnMatch(
    [property: Id(0)] string PupilId,
    [property: Id(1)] string ExistingPupilId,
    [property: Id(2)] string Upn,
    [property: Id(3)] string SchoolUrn,
    [property: Id(4)] string RegisteredBy,
    [property: Id(5)] DateTimeOffset RegisteredAt)
{
    [Id(6)] public UpnMatchDecision? Decision { get; init; }

    [Id(7)] public string? DecidedBy { get; init; }

    [Id(8)] public DateTimeOffset? DecidedAt { get; init; }
}
