namespace ApGrid.Grains.Abstractions;

/// <summary>
/// One accepted change: what kind, when, and which object; Sequence only grows within a tenant.
/// <see cref="Detail"/> says what happened; entries stored before details existed have none.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ChangeEntry")]
public sealed record ChangeEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] ChangeKind Kind,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string SubjectId,
    [property: Id(4)] ChangeDetail? Detail = null)
{
    /// <summary>
    /// Whether the entry is about a pupil: then its values are the pupil's, and only callers who may
    /// read the pupil's record (LA officers) get them. Capacity is a setting's public offer.
    /// </summary>
    public bool AboutPupil => Kind != ChangeKind.Capacity;

    /// <summary>The entry as someone who may not read pupils' records gets it: field names, never their values.</summary>
    public ChangeEntry WithoutPupilValues() => AboutPupil && Detail is { } detail
        ? this with { Detail = detail with { Fields = [.. detail.Fields.Select(f => f with { From = null, To = null })] } }
        : this;
}
