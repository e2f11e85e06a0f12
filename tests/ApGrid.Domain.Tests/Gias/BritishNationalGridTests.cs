using ApGrid.Domain.Gias;

namespace ApGrid.Domain.Tests.Gias;

public sealed class BritishNationalGridTests
{
    /// <summary>Metres between two nearby WGS84 points (equirectangular: exact enough over a few hundred metres).</summary>
    private static double Metres(GeoPoint a, double latitude, double longitude)
    {
        const double earthRadius = 6_371_000;
        var dLat = (a.Latitude - latitude) * Math.PI / 180;
        var dLon = (a.Longitude - longitude) * Math.PI / 180 * Math.Cos(latitude * Math.PI / 180);
        return earthRadius * Math.Sqrt((dLat * dLat) + (dLon * dLon));
    }

    [Fact]
    public void The_Ordnance_Surveys_worked_example_lands_within_five_metres_of_its_WGS84_position()
    {
        // Caister water tower, the OS guide's example: TG 51409 13177 is 52°39′28.72″N 1°42′57.79″E on WGS84.
        var point = BritishNationalGrid.ToWgs84(651409, 313177);

        Assert.True(Metres(point, 52 + (39 / 60.0) + (28.72 / 3600), 1 + (42 / 60.0) + (57.79 / 3600)) < 5, $"{point.Latitude}, {point.Longitude}");
    }

    [Fact]
    public void Without_the_datum_shift_the_point_would_be_over_a_hundred_metres_away()
    {
        // The same point's OSGB36 latitude and longitude (52°39′27.25″N 1°43′04.52″E): the shift must have been applied.
        var point = BritishNationalGrid.ToWgs84(651409, 313177);

        Assert.True(Metres(point, 52 + (39 / 60.0) + (27.2531 / 3600), 1 + (43 / 60.0) + (4.5177 / 3600)) > 100);
    }

    [Theory]
    [InlineData(-1, 100000, "easting")]
    [InlineData(700001, 100000, "easting")]
    [InlineData(400000, -1, "northing")]
    [InlineData(400000, 1300001, "northing")]
    public void Refuses_a_position_off_the_grid(double easting, double northing, string field)
    {
        Expect.Validation(() => BritishNationalGrid.ToWgs84(easting, northing), field);
    }
}
