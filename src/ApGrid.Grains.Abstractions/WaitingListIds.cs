using System.Security.Cryptography;

namespace ApGrid.Grains.Abstractions;

/// <summary>
/// Waiting-list entry ids carry their special school's URN, "{urn}.w{n}.{key}", so an entry id alone
/// routes to the grain that owns it. The random key makes an id unguessable: n counts a school's
/// entries, and without the key a caller could count any school's list by probing ids. Entries made
/// before keys existed keep their "{urn}.w{n}".
/// </summary>
public static class WaitingListIds
{
    private const string KeyAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private const int KeyLength = 12;

    public static string For(string specialSchoolUrn, int number, string? key = null) => key is null
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{specialSchoolUrn}.w{number}")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{specialSchoolUrn}.w{number}.{key}");

    /// <summary>60 random bits, in the id's alphabet.</summary>
    public static string NewKey() => RandomNumberGenerator.GetString(KeyAlphabet, KeyLength);

    /// <returns>The special school's URN, or null when the id is not an entry id.</returns>
    public static string? SchoolOf(string? entryId) => Parse(entryId)?.Urn;

    /// <returns>The entry's number in its school's list, or null when the id is not an entry id.</returns>
    public static int? NumberOf(string? entryId) => Parse(entryId)?.Number;

    private static (string Urn, int Number)? Parse(string? entryId)
    {
        if (entryId is null) return null;
        var dot = entryId.IndexOf(".w", StringComparison.Ordinal);
        if (dot <= 0 || !Urn.TryParse(entryId[..dot], out _)) return null;
        var rest = entryId[(dot + 2)..];
        var keyDot = rest.IndexOf('.', StringComparison.Ordinal);
        var number = keyDot < 0 ? rest : rest[..keyDot];
        if (keyDot >= 0 && !IsKey(rest[(keyDot + 1)..])) return null;
        return number.Length is > 0 and <= 9 && number.All(char.IsAsciiDigit) && number[0] != '0'
            ? (entryId[..dot], int.Parse(number, System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    private static bool IsKey(string key) => key.Length == KeyLength && key.All(c => KeyAlphabet.Contains(c, StringComparison.Ordinal));
}
