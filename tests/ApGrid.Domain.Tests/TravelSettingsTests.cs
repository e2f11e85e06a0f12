using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class TravelSettingsTests
{
    [Fact]
    public void Defaults_to_road_factor_1_3_and_30_kmh()
    {
        var settings = new TravelSettings();

        Assert.Equal(1.3, settings.RoadFactor);
        Assert.Equal(30, settings.AverageSpeedKmh);
        Assert.Equal(settings, TravelSettings.Default);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Rejects_non_positive_or_non_finite_values(double value)
    {
        Expect.Validation(() => _ = new TravelSettings(RoadFactor: value), "roadFactor");
        Expect.Validation(() => _ = new TravelSettings(AverageSpeedKmh: value), "averageSpeedKmh");
        Expect.Validation(() => _ = TravelSettings.Default with { RoadFactor = value }, "roadFactor");
        Expect.Validation(() => _ = TravelSettings.Default with { AverageSpeedKmh = value }, "averageSpeedKmh");
    }

    [Fact]
    public void With_expression_keeps_the_other_value()
    {
        var settings = TravelSettings.Default with { AverageSpeedKmh = 20 };

        Assert.Equal(1.3, settings.RoadFactor);
        Assert.Equal(20, settings.AverageSpeedKmh);
    }
}
