using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class JourneyLimitsTests
{
    [Fact]
    public void Defaults_to_45_minutes_primary_and_75_secondary()
    {
        var limits = new JourneyLimits();

        Assert.Equal(45, limits.MaxMinutesFor(Phase.Primary));
        Assert.Equal(75, limits.MaxMinutesFor(Phase.Secondary));
        Assert.Equal(limits, JourneyLimits.Default);
    }

    [Fact]
    public void Uses_configured_limits()
    {
        var limits = new JourneyLimits(PrimaryMinutes: 30, SecondaryMinutes: 60);

        Assert.Equal(30, limits.MaxMinutesFor(Phase.Primary));
        Assert.Equal(60, limits.MaxMinutesFor(Phase.Secondary));
    }

    [Theory]
    [InlineData(45, Phase.Primary, true)]
    [InlineData(46, Phase.Primary, false)]
    [InlineData(75, Phase.Secondary, true)]
    [InlineData(76, Phase.Secondary, false)]
    [InlineData(46, Phase.Secondary, true)]
    public void A_journey_at_the_limit_is_within_it(int minutes, Phase phase, bool within)
    {
        Assert.Equal(within, JourneyLimits.Default.IsWithin(new TravelEstimate(1, minutes), phase));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Rejects_non_positive_limits(int minutes)
    {
        Expect.Validation(() => _ = new JourneyLimits(PrimaryMinutes: minutes), "primaryMinutes");
        Expect.Validation(() => _ = new JourneyLimits(SecondaryMinutes: minutes), "secondaryMinutes");
        Expect.Validation(() => _ = JourneyLimits.Default with { PrimaryMinutes = minutes }, "primaryMinutes");
    }

    [Fact]
    public void Unknown_phase_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JourneyLimits.Default.MaxMinutesFor((Phase)7));
    }
}
