namespace ApGrid.Api.Rest;

/// <summary>One pupil's part of a retention run: records removed by kind (PLACEMENT, SEN, ...), kinds held because open, and whether the pupil was erased.</summary>
public sealed record RetentionPupilResource(string PupilId, IReadOnlyDictionary<string, int> Removed, IReadOnlyList<string> Held, bool Erased)
{
    public static RetentionPupilResource From(RetentionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new(outcome.PupilId,
            outcome.Removed.ToDictionary(p => EnumNames<RetainedRecordKind>.NameOf(p.Key), p => p.Value, StringComparer.Ordinal),
            [.. outcome.Held.Select(EnumNames<RetainedRecordKind>.NameOf)], outcome.Erased);
    }
}
