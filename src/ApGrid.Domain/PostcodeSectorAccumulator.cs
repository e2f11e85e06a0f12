namespace ApGrid.Domain;

/// <summary>
/// Sums postcode positions by sector as rows stream past, so the whole directory (about 2.7 million
/// rows) is never held: only one running sum per sector.
/// </summary>
public sealed class PostcodeSectorAccumulator
{
    private readonly Dictionary<string, (double Latitude, double Longitude, int Count)> sums = new(StringComparer.Ordinal);
    private int used;
    private int skipped;

    public void Add(string? text, double latitude, double longitude)
    {
        if (!Postcode.TryParse(text, out var postcode) || !postcode!.IsWhole || !PostcodeSectorCentroids.IsInBritishIsles(latitude, longitude))
        {
            skipped++;
            return;
        }

        var sum = sums.GetValueOrDefault(postcode.Sector);
        sums[postcode.Sector] = (sum.Latitude + latitude, sum.Longitude + longitude, sum.Count + 1);
        used++;
    }

    public PostcodeSectorCentroids Result() => new(
        sums.ToDictionary(s => s.Key, s => new GeoPoint(s.Value.Latitude / s.Value.Count, s.Value.Longitude / s.Value.Count), StringComparer.Ordinal),
        used,
        skipped);
}
