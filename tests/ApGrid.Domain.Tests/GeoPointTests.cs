using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class GeoPointTests
{
    [Theory]
    [InlineData(51.5074, -0.1278)]
    [InlineData(90, 180)]
    [InlineData(-90, -180)]
    [InlineData(0, 0)]
    public void Accepts_coordinates_in_range(double latitude, double longitude)
    {
        var point = GeoPoint.Create(latitude, longitude);

        Assert.Equal(latitude, point.Latitude);
        Assert.Equal(longitude, point.Longitude);
        Assert.Equal(point, new GeoPoint(latitude, longitude));
    }

    [Theory]
    [InlineData(90.0001)]
    [InlineData(-90.0001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Rejects_latitude_out_of_range(double latitude)
    {
        Expect.Validation(() => GeoPoint.Create(latitude, 0), "latitude");
        Expect.Validation(() => _ = new GeoPoint(latitude, 0), "latitude");
    }

    [Theory]
    [InlineData(180.0001)]
    [InlineData(-180.0001)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Rejects_longitude_out_of_range(double longitude)
    {
        Expect.Validation(() => GeoPoint.Create(0, longitude), "longitude");
    }

    [Fact]
    public void With_expression_is_validated_too()
    {
        var point = GeoPoint.Create(51, 0);

        Assert.Equal(52, (point with { Latitude = 52 }).Latitude);
        Expect.Validation(() => _ = point with { Latitude = 91 }, "latitude");
        Expect.Validation(() => _ = point with { Longitude = -181 }, "longitude");
    }

    [Fact]
    public void Deconstructs_into_latitude_and_longitude()
    {
        var (latitude, longitude) = GeoPoint.Create(53.4808, -2.2426);

        Assert.Equal(53.4808, latitude);
        Assert.Equal(-2.2426, longitude);
    }
}
