using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ApGrid.Grains;

/// <summary>
/// The gauge <c>apgrid.places.free</c>: each LA's free AP places as its grain's capacity index last
/// counted them, full-time places and half-day session places apart. The LA grain publishes totals
/// here (the meter reads them on its own thread, so never the grain's live dictionary) and withdraws
/// them when it deactivates, so only the node holding an LA's grain reports it.
/// </summary>
public static class PlacesFreeGauge
{
    private static readonly ConcurrentDictionary<string, (int FullTime, int Sessions)> ByLa = new(StringComparer.Ordinal);

    private static readonly ObservableGauge<int> Gauge = ApGridTelemetry.Meter.CreateObservableGauge(
        "apgrid.places.free", Observe, "{place}", "Free AP places per LA, by kind (full_time, session: half-day places summed over the week).");

    public static void Publish(string la, IEnumerable<ApCapacitySnapshot> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _ = Gauge;
        var list = settings.ToList();
        ByLa[la] = (list.Sum(s => s.FullTimePlacesFree), list.Sum(s => s.Sessions.Sum(c => c.Free)));
    }

    public static void Withdraw(string la) => ByLa.TryRemove(la, out _);

    private static IEnumerable<Measurement<int>> Observe() => ByLa.SelectMany(pair => new[]
    {
        new Measurement<int>(pair.Value.FullTime, new("la", pair.Key), new("kind", "full_time")),
        new Measurement<int>(pair.Value.Sessions, new("la", pair.Key), new("kind", "session")),
    });
}
