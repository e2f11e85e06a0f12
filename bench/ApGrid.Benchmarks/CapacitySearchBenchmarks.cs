using ApGrid.Api.GraphQL;
using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using BenchmarkDotNet.Attributes;

namespace ApGrid.Benchmarks;

/// <summary>
/// apCapacity's work once the LA grain has answered: filter the capacity index, and with nearPupil
/// rank by estimated journey. 13 settings is a city LA, 100 a large county, 1,500 all of England.
/// </summary>
[MemoryDiagnoser]
public class CapacitySearchBenchmarks
{
    private static readonly KeyStage[][] KeyStageSets = [[KeyStage.Ks1, KeyStage.Ks2], [KeyStage.Ks3, KeyStage.Ks4], [KeyStage.Ks2, KeyStage.Ks3, KeyStage.Ks4]];
    private readonly CapacitySearch search = new(KeyStage.Ks3, NeedType.Semh, FullTime: null, [Session.MonAm, Session.TueAm], RegisteredOnly: false);
    private readonly GeoPoint home = new(52.95, -1.15);
    private ApCapacitySnapshot[] index = [];

    [Params(13, 100, 1500)]
    public int Settings { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        index = [.. Enumerable.Range(0, Settings).Select(i => new ApCapacitySnapshot(
            (500000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            new ApSettingProfile($"AP {i}", ApSettingType.PupilReferralUnit, random.NextDouble() < 0.8, KeyStageSets[i % 3],
                random.NextDouble() < 0.7 ? [NeedType.Semh] : [NeedType.Asd], new Location(52.95 + random.NextDouble() - 0.5, -1.15 + random.NextDouble() - 0.5)),
            20, random.Next(0, 5),
            [.. Sessions.All.Select(s => new SessionCapacity(s, 6, random.Next(0, 3)))],
            10, 5, DateTimeOffset.UnixEpoch, 1))];
    }

    [Benchmark]
    public int Filter() => index.Count(search.Matches);

    [Benchmark]
    public int FilterAndRankNearPupil() =>
        TravelSearch.Rank(home, index.Where(search.Matches).Select(s => (s, s.Profile.Location.ToGeoPoint())), TravelSettings.Default, 75).Count;
}
