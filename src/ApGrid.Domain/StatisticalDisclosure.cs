namespace ApGrid.Domain;

/// <summary>
/// Small numbers about children can identify them, so figures shown outside the LA hide counts of
/// 1 to 4 and percentages whose base is under 5 (the usual DfE small-number rule). Zero is shown:
/// it identifies nobody.
/// </summary>
public static class StatisticalDisclosure
{
    public const int SmallestShownCount = 5;

    public static int? Count(int count, bool suppress) => suppress && count is > 0 and < SmallestShownCount ? null : count;

    /// <summary>A figure drawn from a group of children (a median wait), hidden like a percentage when the group is small.</summary>
    public static int? Statistic(int? value, int groupSize, bool suppress) => suppress && groupSize < SmallestShownCount ? null : value;

    public static double? Percent(int part, int whole, bool suppress)
    {
        if (whole <= 0) return null;
        if (suppress && whole < SmallestShownCount) return null;
        return Math.Round(100.0 * part / whole, 1);
    }
}
