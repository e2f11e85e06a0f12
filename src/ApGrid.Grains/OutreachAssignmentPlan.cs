namespace ApGrid.Grains;

[GenerateSerializer, Immutable, Alias("ApGrid.OutreachAssignmentPlan")]
public sealed record OutreachAssignmentPlan(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string ApUrn,
    [property: Id(2)] double Hours);
