namespace ApGrid.Grains.Abstractions;

/// <summary>An EHC case as the LA's tracker holds it: enough to list and filter without visiting pupils.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.EhcpCaseEntry")]
public sealed record EhcpCaseEntry(
    [property: Id(0)] string PupilId,
    [property: Id(1)] string HomeSchoolUrn,
    [property: Id(2)] EhcpCaseRecord Case);
