using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class TravelTests
{
    private static readonly GeoPoint London = GeoPoint.Create(51.5074, -0.1278);
    private static readonly GeoPoint Manchester = GeoPoint.Create(53.4808, -2.2426);

    // One degree along a meridian is 2 x pi x R / 360 = 111.195 km.
    private static readonly double KmPerDegree = 2 * Math.PI * Travel.EarthRadiusKm / 360;

    [Fact]
    public void London_to_Manchester_is_about_262_km_as_the_crow_flies()
    {
        Assert.InRange(Travel.GreatCircleKm(London, Manchester), 261.5, 262.5);
    }

    [Fact]
    public void Distance_is_symmetric_and_zero_to_the_same_point()
    {
        Assert.Equal(Travel.GreatCircleKm(London, Manchester), Travel.GreatCircleKm(Manchester, London), 9);
        Assert.Equal(0, Travel.GreatCircleKm(London, London));
    }

    [Fact]
    public void One_degree_of_latitude_or_equatorial_longitude_is_about_111_km()
    {
        Assert.Equal(111.195, Travel.GreatCircleKm(GeoPoint.Create(0, 0), GeoPoint.Create(1, 0)), 3);
        Assert.Equal(111.195, Travel.GreatCircleKm(GeoPoint.Create(0, 0), GeoPoint.Create(0, 1)), 3);
    }

    [Fact]
    public void Antipodal_points_are_half_the_circumference_apart()
    {
        var distance = Travel.GreatCircleKm(GeoPoint.Create(0, 0), GeoPoint.Create(0, 180));

        Assert.Equal(Math.PI * Travel.EarthRadiusKm, distance, 6);
    }

    [Fact]
    public void Crossing_the_antimeridian_takes_the_short_way()
    {
        Assert.Equal(KmPerDegree, Travel.GreatCircleKm(GeoPoint.Create(0, 179.5), GeoPoint.Create(0, -179.5)), 6);
    }

    [Fact]
    public void Estimate_applies_the_road_factor_and_rounds_to_a_tenth_of_a_km()
    {
        var estimate = Travel.Estimate(London, Manchester, TravelSettings.Default);

        var expectedKm = Math.Round(Travel.GreatCircleKm(London, Manchester) * 1.3, 1);
        Assert.Equal(expectedKm, estimate.DistanceKm);
        Assert.InRange(estimate.DistanceKm, 340, 341);
        Assert.Equal((int)Math.Ceiling(expectedKm / 30 * 60), estimate.Minutes);
    }

    [Fact]
    public void Same_point_is_zero_km_and_zero_minutes()
    {
        Assert.Equal(new TravelEstimate(0, 0), Travel.Estimate(London, London, TravelSettings.Default));
    }

    [Fact]
    public void Minutes_round_up_to_the_next_whole_minute()
    {
        // 1 km by road at 30 km/h is exactly 2 minutes; 1.1 km is 2.2 minutes, charged as 3.
        var settings = new TravelSettings(RoadFactor: 1, AverageSpeedKmh: 30);

        Assert.Equal(new TravelEstimate(1.0, 2), Travel.Estimate(Origin, North(1.0), settings));
        Assert.Equal(new TravelEstimate(1.1, 3), Travel.Estimate(Origin, North(1.1), settings));
    }

    [Fact]
    public void A_primary_journey_of_exactly_45_minutes_is_within_the_limit()
    {
        // 22.5 road km at 30 km/h is 45 minutes; the great-circle distance is 22.5 / 1.3.
        var estimate = Travel.Estimate(Origin, North(22.5 / 1.3), TravelSettings.Default);

        Assert.Equal(22.5, estimate.DistanceKm);
        Assert.Equal(45, estimate.Minutes);
        Assert.True(JourneyLimits.Default.IsWithin(estimate, Phase.Primary));
    }

    [Fact]
    public void A_primary_journey_a_tenth_of_a_km_longer_is_over_the_limit()
    {
        var estimate = Travel.Estimate(Origin, North(22.6 / 1.3), TravelSettings.Default);

        Assert.Equal(22.6, estimate.DistanceKm);
        Assert.Equal(46, estimate.Minutes);
        Assert.False(JourneyLimits.Default.IsWithin(estimate, Phase.Primary));
        Assert.True(JourneyLimits.Default.IsWithin(estimate, Phase.Secondary));
    }

    [Fact]
    public void A_secondary_journey_of_75_minutes_is_within_and_76_is_over()
    {
        var atLimit = Travel.Estimate(Origin, North(37.5 / 1.3), TravelSettings.Default);
        var over = Travel.Estimate(Origin, North(37.6 / 1.3), TravelSettings.Default);

        Assert.Equal(75, atLimit.Minutes);
        Assert.True(JourneyLimits.Default.IsWithin(atLimit, Phase.Secondary));
        Assert.Equal(76, over.Minutes);
        Assert.False(JourneyLimits.Default.IsWithin(over, Phase.Secondary));
    }

    [Fact]
    public void Estimate_requires_settings()
    {
        Assert.Throws<ArgumentNullException>(() => Travel.Estimate(London, Manchester, null!));
    }

    private static GeoPoint Origin => GeoPoint.Create(0, 0);

    private static GeoPoint North(double km) => GeoPoint.Create(km / KmPerDegree, 0);
}
