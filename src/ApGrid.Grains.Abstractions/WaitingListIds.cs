namespace ApGrid.Grains.Abstractions;

/// <summary>
/// Waiting-list entry ids carry their special school's URN, "{urn}.w{n}", so an entry id alone
/// routes to the grain that owns it.
/// </summary>
public static class WaitingListIds
{
    public static string For(string specialSchoolUrn, int number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{specialSchoolUrn}.w{number}");

    /// <returns>The special school's URN, or null when the id is not an entry id.</returns>
    public static string? SchoolOf(string? entryId)
    {
        if (entryId is null) return null;
        var dot = entryId.IndexOf(".w", StringComparison.Ordinal);
        if (dot <= 0 || !Urn.TryParse(entryId[..dot], out _)) return null;
        var number = entryId[(dot + 2)..];
        return number.Length is > 0 and <= 9 && number.All(char.IsAsciiDigit) && number[0] != '0' ? entryId[..dot] : null;
    }
}
