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
        var accumulator = new PostcodeSectorAccumulator();
        foreach (var (postcode, latitude, longitude) in rows) accumulator.Add(postcode, latitude, longitude);
        return accumulator.Result();
    }
}
