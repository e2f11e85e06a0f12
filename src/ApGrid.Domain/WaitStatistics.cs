namespace ApGrid.Domain;

/// <summary>
/// Percentiles of waits in days by the nearest-rank method: the value at rank ceil(p·n) of the
/// sorted waits, so every reported figure is a wait some child actually had.
/// </summary>
public static class WaitStatistics
{
    /// <returns>null for an empty set.</returns>
    public static int? Percentile(IReadOnlyList<int> sortedDays, int percent)
    {
        ArgumentNullException.ThrowIfNull(sortedDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (sortedDays.Count == 0) return null;
        var rank = (int)Math.Ceiling(percent / 100.0 * sortedDays.Count);
        return sortedDays[Math.Clamp(rank, 1, sortedDays.Count) - 1];
    }
}
