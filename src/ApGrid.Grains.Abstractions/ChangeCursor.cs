using System.Globalization;

namespace ApGrid.Grains.Abstractions;

/// <summary>
/// Cursors are opaque to clients but simple for us: the sequence number, zero-padded so that cursors
/// also sort as strings.
/// </summary>
public static class ChangeCursor
{
    public static string Format(long sequence) => sequence.ToString("D12", CultureInfo.InvariantCulture);

    public static bool TryParse(string? cursor, out long sequence)
    {
        sequence = 0;
        return cursor is { Length: > 0 and <= 19 } && cursor.All(char.IsAsciiDigit)
            && long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }
}
