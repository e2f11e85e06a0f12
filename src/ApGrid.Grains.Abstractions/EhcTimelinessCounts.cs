namespace ApGrid.Grains.Abstractions;

/// <summary>
/// Final plans issued in one calendar year: all of them, those with a recorded exception (left out of
/// SEN2's timeliness figure), and those of the rest issued within 20 weeks.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.EhcTimelinessCounts")]
public sealed record EhcTimelinessCounts(
    [property: Id(0)] int FinalIssued,
    [property: Id(1)] int Excluded,
    [property: Id(2)] int IssuedWithin20Weeks)
{
    public static readonly EhcTimelinessCounts None = new(0, 0, 0);

    /// <summary>The plans SEN2's figure is a share of.</summary>
    public int Counted => FinalIssued - Excluded;

    public EhcTimelinessCounts Plus(EhcTimelinessCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(FinalIssued + other.FinalIssued, Excluded + other.Excluded, IssuedWithin20Weeks + other.IssuedWithin20Weeks);
    }
}
