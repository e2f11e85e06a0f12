namespace ApGrid.Grains;

/// <summary>One placement as the LA's figures over time keep it; see <see cref="ApStint"/>.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.StintEntry")]
public sealed record StintEntry(
    [property: Id(0)] string PupilId,
    [property: Id(1)] DateOnly DateOfBirth,
    [property: Id(2)] ApType? Type,
    [property: Id(3)] DateOnly Start,
    [property: Id(4)] int StartYearGroup,
    [property: Id(5)] DateOnly? End,
    [property: Id(6)] int? EndYearGroup,
    [property: Id(7)] DateTimeOffset? RecordedAt = null,
    [property: Id(8)] DateTimeOffset? EndRecordedAt = null)
{
    public ApStint ToStint() => new(PupilId, DateOfBirth, Type, Start, StartYearGroup, End, EndYearGroup);

    /// <summary>
    /// The stint as the LA knew it just before <paramref name="cut"/>, by when it was recorded, not by
    /// its dates (which may be backdated): null if not yet recorded. Stints recorded before the
    /// times were kept count as recorded long ago.
    /// </summary>
    public StintEntry? RecordedBefore(DateTimeOffset cut) =>
        RecordedAt >= cut ? null
        : EndRecordedAt >= cut ? this with { End = null, EndYearGroup = null, EndRecordedAt = null }
        : this;
}
