namespace ApGrid.Grains.Abstractions;

/// <summary>A pupil's EHC needs assessment: when it was asked for, where it stands, when each step came.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.EhcpCaseRecord")]
public sealed record EhcpCaseRecord(
    [property: Id(0)] DateOnly RequestedOn,
    [property: Id(1)] EhcpStage Stage,
    [property: Id(2)] DateOnly? DecisionOn,
    [property: Id(3)] DateOnly? DraftIssuedOn,
    [property: Id(4)] DateOnly? FinalIssuedOn,
    [property: Id(5)] DateOnly LastDate);
