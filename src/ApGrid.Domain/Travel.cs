namespace ApGrid.Domain;

/// <summary>
/// Journey estimates without a routing service: good enough to rank and screen settings,
/// and deterministic so a placement decision can be explained later.
/// </summary>
public static class Travel
{
    /// <summary>Mean Earth radius (IUGG), in km.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance by the haversine formula, which stays accurate for short hops.</summary>
    public static double GreatCircleKm(GeoPoint a, GeoPoint b)
    {
        var lat1 = ToRadians(a.Latitude);
        var lat2 = ToRadians(b.Latitude);
        var dLat = lat2 - lat1;
        var dLon = ToRadians(b.Longitude - a.Longitude);

        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));

        // Clamped because rounding can push h a hair above 1 for antipodal points, and Asin would return NaN.
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }

    public static TravelEstimate Estimate(GeoPoint from, GeoPoint to, TravelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        var distanceKm = Math.Round(GreatCircleKm(from, to) * settings.RoadFactor, 1, MidpointRounding.AwayFromZero);

        // The small tolerance stops binary rounding (e.g. 45.000000001) costing a whole extra
        // minute, which could wrongly push a journey over its limit.
        var minutes = (int)Math.Ceiling((distanceKm * 60 / settings.AverageSpeedKmh) - 1e-9);
        return new TravelEstimate(distanceKm, Math.Max(0, minutes));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
