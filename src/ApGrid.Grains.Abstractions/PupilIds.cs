namespace ApGrid.Grains.Abstractions;

/// <summary>Pupils are known by an opaque id, never by their UPN, so ids can travel in URLs and logs.</summary>
public static class PupilIds
{
    public static string New() => "p-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(5));

    public static bool IsWellFormed(string? id) =>
        id is { Length: 12 } && id.StartsWith("p-", StringComparison.Ordinal) && id[2..].All(char.IsAsciiHexDigitLower);
}
