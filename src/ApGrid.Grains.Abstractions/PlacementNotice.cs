namespace ApGrid.Grains.Abstractions;

/// <summary>
/// The written notice parents are given before an off-site direction (and, where given, before
/// other routes): where the pupil goes, when, who to report to and how the placement is reviewed.
/// CopiedToLaOn is when the LA was sent a copy, owed for a pupil with an EHC plan.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PlacementNotice")]
public sealed record PlacementNotice(
    [property: Id(0)] DateOnly GivenOn,
    [property: Id(1)] string Place,
    [property: Id(2)] string Times,
    [property: Id(3)] string ReportTo,
    [property: Id(4)] string ReviewArrangements,
    [property: Id(5)] DateOnly? CopiedToLaOn);
