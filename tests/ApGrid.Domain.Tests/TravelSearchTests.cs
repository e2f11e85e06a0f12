using ApGrid.Domain;
using CsCheck;

namespace ApGrid.Domain.Tests;

public sealed class TravelSearchTests
{
    private static readonly GeoPoint School = new(52.0, -1.0);

    // Due north: 1 degree of latitude is about 111.2 km, so these offsets give clear, distinct journeys.
    private static GeoPoint North(double degrees) => new(52.0 + degrees, -1.0);

    [Fact]
    public void Ranks_by_journey_time_nearest_first()
    {
        var ranked = TravelSearch.Rank(
            School,
            [("far", North(0.2)), ("near", North(0.05)), ("middle", North(0.1))],
            TravelSettings.Default,
            null);

        Assert.Equal(["near", "middle", "far"], ranked.Select(m => m.Item));
        Assert.Equal(Travel.Estimate(School, North(0.05), TravelSettings.Default), ranked[0].Estimate);
    }

    [Fact]
    public void Journeys_of_equal_minutes_are_ordered_by_distance()
    {
        // 30 km/h: 0.1 km and 0.4 km both round up to 1 minute.
        var a = new GeoPoint(52.0, -1.0 + 0.0049);
        var b = new GeoPoint(52.0, -1.0 + 0.0012);
        var ranked = TravelSearch.Rank(School, [("a", a), ("b", b)], TravelSettings.Default, null);

        Assert.Equal(ranked[0].Estimate.Minutes, ranked[1].Estimate.Minutes);
        Assert.True(ranked[0].Estimate.DistanceKm < ranked[1].Estimate.DistanceKm);
        Assert.Equal("b", ranked[0].Item);
    }

    [Fact]
    public void Exact_ties_keep_input_order()
    {
        var ranked = TravelSearch.Rank(School, [(1, North(0.1)), (2, North(0.1)), (3, North(0.1))], TravelSettings.Default, null);
        Assert.Equal([1, 2, 3], ranked.Select(m => m.Item));
    }

    [Fact]
    public void Filters_to_journeys_at_or_under_the_limit()
    {
        var candidates = new[] { ("near", North(0.05)), ("far", North(0.2)) };
        var nearMinutes = Travel.Estimate(School, North(0.05), TravelSettings.Default).Minutes;

        Assert.Equal(["near"], TravelSearch.Rank(School, candidates, TravelSettings.Default, nearMinutes).Select(m => m.Item));
        Assert.Empty(TravelSearch.Rank(School, candidates, TravelSettings.Default, nearMinutes - 1));
        Assert.Equal(2, TravelSearch.Rank(School, candidates, TravelSettings.Default, null).Count);
    }

    [Fact]
    public void Zero_minutes_keeps_only_settings_at_the_school_and_negative_is_rejected()
    {
        var ranked = TravelSearch.Rank(School, [("same site", School), ("other", North(0.1))], TravelSettings.Default, 0);
        Assert.Equal(["same site"], ranked.Select(m => m.Item));
        Expect.Validation(() => TravelSearch.Rank(School, [("x", School)], TravelSettings.Default, -1), "maxMinutes");
    }

    [Fact]
    public void No_candidates_gives_an_empty_list()
    {
        Assert.Empty(TravelSearch.Rank(School, Array.Empty<(string, GeoPoint)>(), TravelSettings.Default, 45));
    }

    [Fact]
    public void Uses_the_given_travel_settings()
    {
        var slow = new TravelSettings(AverageSpeedKmh: 10);
        var fast = TravelSearch.Rank(School, [("x", North(0.1))], TravelSettings.Default, null)[0].Estimate;
        var slower = TravelSearch.Rank(School, [("x", North(0.1))], slow, null)[0].Estimate;
        Assert.Equal(fast.DistanceKm, slower.DistanceKm);
        Assert.True(slower.Minutes > fast.Minutes);
    }

    [Fact]
    public void Null_arguments_throw()
    {
        Assert.Throws<ArgumentNullException>(() => TravelSearch.Rank<string>(School, null!, TravelSettings.Default, null));
        Assert.Throws<ArgumentNullException>(() => TravelSearch.Rank(School, [("x", School)], null!, null));
        Assert.Throws<ArgumentNullException>(() => TravelSearch.EffectiveLimit(null, Phase.Primary, null!));
    }

    [Fact]
    public void Ranking_is_sorted_filtered_and_loses_nothing_within_the_limit()
    {
        var genPoint = Gen.Select(Gen.Double[51.0, 53.0], Gen.Double[-2.0, 0.0], (lat, lon) => new GeoPoint(lat, lon));
        var genLimit = Gen.Int[0, 200].Nullable();
        Gen.Select(genPoint.Array[0, 15], genLimit).Sample((points, limit) =>
        {
            var candidates = points.Select((p, i) => (i, p)).ToList();
            var ranked = TravelSearch.Rank(School, candidates, TravelSettings.Default, limit);

            var expectedCount = candidates.Count(c => limit is null || Travel.Estimate(School, c.p, TravelSettings.Default).Minutes <= limit);
            var sorted = ranked.Zip(ranked.Skip(1)).All(pair =>
                pair.First.Estimate.Minutes < pair.Second.Estimate.Minutes
                || (pair.First.Estimate.Minutes == pair.Second.Estimate.Minutes && pair.First.Estimate.DistanceKm <= pair.Second.Estimate.DistanceKm));

            return ranked.Count == expectedCount
                && sorted
                && ranked.All(m => limit is null || m.Estimate.Minutes <= limit)
                && ranked.Select(m => m.Item).Distinct().Count() == ranked.Count;
        });
    }

    [Theory]
    [InlineData(null, Phase.Primary, 45)]
    [InlineData(null, Phase.Secondary, 75)]
    [InlineData(30, Phase.Primary, 30)]
    [InlineData(44, Phase.Primary, 44)]
    [InlineData(45, Phase.Primary, 45)]
    [InlineData(46, Phase.Primary, 45)]
    [InlineData(60, Phase.Primary, 45)]
    [InlineData(60, Phase.Secondary, 60)]
    [InlineData(75, Phase.Secondary, 75)]
    [InlineData(90, Phase.Secondary, 75)]
    [InlineData(0, Phase.Secondary, 0)]
    public void Effective_limit_is_the_smaller_of_request_and_phase_limit(int? requested, Phase phase, int expected)
    {
        Assert.Equal(expected, TravelSearch.EffectiveLimit(requested, phase, JourneyLimits.Default));
    }

    [Fact]
    public void Effective_limit_uses_the_las_own_limits()
    {
        var limits = new JourneyLimits(PrimaryMinutes: 30, SecondaryMinutes: 50);
        Assert.Equal(30, TravelSearch.EffectiveLimit(null, Phase.Primary, limits));
        Assert.Equal(50, TravelSearch.EffectiveLimit(60, Phase.Secondary, limits));
        Assert.Equal(20, TravelSearch.EffectiveLimit(20, Phase.Secondary, limits));
    }

    [Fact]
    public void Effective_limit_rejects_a_negative_request()
    {
        Expect.Validation(() => TravelSearch.EffectiveLimit(-1, Phase.Primary, JourneyLimits.Default), "maxMinutes");
    }

    [Fact]
    public void Effective_limit_never_exceeds_the_phase_limit()
    {
        Gen.Select(Gen.Int[0, 1000].Nullable(), Gen.Enum<Phase>()).Sample((requested, phase) =>
        {
            var limit = TravelSearch.EffectiveLimit(requested, phase, JourneyLimits.Default);
            return limit <= JourneyLimits.Default.MaxMinutesFor(phase) && (requested is null || limit <= requested);
        });
    }
}
