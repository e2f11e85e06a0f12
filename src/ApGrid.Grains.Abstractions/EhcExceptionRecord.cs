namespace ApGrid.Grains.Abstractions;

/// <summary>An exception to one of the assessment time limits, recorded with the day it arose and what happened.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.EhcExceptionRecord")]
public sealed record EhcExceptionRecord(
    [property: Id(0)] EhcDeadlineKind Deadline,
    [property: Id(1)] EhcExceptionKind Kind,
    [property: Id(2)] DateOnly Date,
    [property: Id(3)] string? Note);
