namespace ApGrid.Grains.Abstractions;

/// <summary>What the LA keeps of an exclusion that owes education from day 6, so its sweep and list visit no pupil.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ExclusionDutyEntry")]
public sealed record ExclusionDutyEntry(
    [property: Id(0)] string ExclusionId,
    [property: Id(1)] string PupilId,
    [property: Id(2)] string SchoolUrn,
    [property: Id(3)] ExclusionKind Kind,
    [property: Id(4)] DateOnly StartDate,
    [property: Id(5)] DateOnly SixthDay,
    [property: Id(6)] ExclusionDutyHolder DutyHolder,
    [property: Id(7)] DateOnly? LastDay)
{
    public static ExclusionDutyEntry? For(string pupilId, ExclusionRecord exclusion)
    {
        ArgumentNullException.ThrowIfNull(exclusion);
        return exclusion is { Stands: true, DutyHolder: { } holder }
            ? new(exclusion.Id, pupilId, exclusion.ExcludingSchoolUrn, exclusion.Kind, exclusion.StartDate, exclusion.SixthDay, holder, exclusion.LastDay)
            : null;
    }
}
