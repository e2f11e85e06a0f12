namespace ApGrid.Grains.Abstractions;

/// <summary>Who the LA is and the travel assumptions it plans with.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.LocalAuthorityProfile")]
public sealed record LocalAuthorityProfile(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] double RoadFactor,
    [property: Id(3)] double AverageSpeedKmh,
    [property: Id(4)] int PrimaryJourneyMinutes,
    [property: Id(5)] int SecondaryJourneyMinutes);
