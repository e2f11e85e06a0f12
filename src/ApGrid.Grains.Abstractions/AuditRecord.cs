namespace ApGrid.Grains.Abstractions;

/// <summary>
/// One access to one pupil's record, or to one provider's assurance record (ProviderUrn set,
/// PupilId empty), as the API reports it: who (subject and role), what (action and the operations
/// or fields involved) and through which API. The audit grain adds when and the sequence.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.AuditRecord")]
public sealed record AuditRecord(
    [property: Id(0)] string Subject,
    [property: Id(1)] string Role,
    [property: Id(2)] string PupilId,
    [property: Id(3)] AuditAction Action,
    [property: Id(4)] IReadOnlyList<string> What,
    [property: Id(5)] AuditChannel Channel)
{
    [Id(6)] public string? ProviderUrn { get; init; }
}
