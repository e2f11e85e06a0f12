namespace ApGrid.Domain;

/// <summary>A small count of children at one setting, shown outside the LA as a range: zero falls in the lowest band, so one child arriving at an empty setting moves nothing.</summary>
public enum CountBand
{
    FewerThanFive,
    FiveToNine,
    TenToNineteen,
    TwentyOrMore,
}
