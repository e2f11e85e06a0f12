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
    [property: Id(6)] int? EndYearGroup)
{
    public ApStint ToStint() => new(PupilId, DateOfBirth, Type, Start, StartYearGroup, End, EndYearGroup);
}
