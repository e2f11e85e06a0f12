namespace ApGrid.Grains.Abstractions;

/// <summary>A step in a school's notification of a placement it commissioned, with who took it and what they said.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.LaNotificationEntry")]
public sealed record LaNotificationEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] LaNotificationStep Step,
    [property: Id(2)] string By,
    [property: Id(3)] string? Note = null);
