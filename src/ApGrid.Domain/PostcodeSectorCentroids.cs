namespace ApGrid.Domain;

/// <summary>
/// Postcode sector centroids from the ONS Postcode Directory's rows: the mean position of every
/// postcode in a sector. A sector places a home within a few hundred homes, close enough for a
/// journey estimate, and storing sectors keeps no one's street.
/// </summary>
/// <param name="Sectors">Sector ("NE1 4") → centroid.</param>
/// <param name="PostcodesUsed">Rows that had a postcode and a position.</param>
/// <param name="PostcodesSkipped">Rows without a usable postcode or position (the directory marks unknown positions with latitude 99.999999).</param>
public sealed record PostcodeSectorCentroids(IReadOnlyDictionary<string, GeoPoint> Sectors, int PostcodesUsed, int PostcodesSkipped)
{
    /// <summary>The box the United Kingdom, the Channel Islands and the Isle of Man sit in; anything outside is a placeholder or an error.</summary>
    public static bool IsInBritishIsles(double latitude, double longitude) => latitude is >= 49 and <= 61 && longitude is >= -9 and <= 2.5;

    public static PostcodeSectorCentroids From(IEnumerable<(string? Postcode, double Latitude, double Longitude)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sums = new Dictionary<string, (double Latitude, double Longitude, int Count)>(StringComparer.Ordinal);
        int used = 0, skipped = 0;
        foreach (var (text, latitude, longitude) in rows)
        {
            if (!Postcode.TryParse(text, out var postcode) || !postcode!.IsWhole || !IsInBritishIsles(latitude, longitude))
            {
                skipped++;
                continue;
            }

            var sum = sums.GetValueOrDefault(postcode.Sector);
            sums[postcode.Sector] = (sum.Latitude + latitude, sum.Longitude + longitude, sum.Count + 1);
            used++;
        }

        return new PostcodeSectorCentroids(
            sums.ToDictionary(s => s.Key, s => new GeoPoint(s.Value.Latitude / s.Value.Count, s.Value.Longitude / s.Value.Count), StringComparer.Ordinal),
            used,
            skipped);
    }
}
