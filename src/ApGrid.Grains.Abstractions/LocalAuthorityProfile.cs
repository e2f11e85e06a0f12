namespace ApGrid.Grains.Abstractions;

/// <summary>Who the LA is and the travel assumptions it plans with.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.LocalAuthorityProfile")]
public sealed record LocalAuthorityProfile(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] double RoadFactor,
    [property: Id(3)] double AverageSpeedKmh,
    [property: Id(4)] int PrimaryJourneyMinutes,
    [property: Id(5)] int SecondaryJourneyMinutes,
    [property: Id(6)] IReadOnlyList<PlacementRoute>? ConsentRoutes = null)
{
    /// <summary>The routes on which this LA asks for parental consent before a placement starts (its policy; the law asks for none).</summary>
    public IReadOnlyList<PlacementRoute> ConsentPolicy => ConsentRoutes ?? RouteRules.DefaultConsentRoutes;
}
