namespace ApGrid.Domain;

/// <summary>
/// ASCII-only digit checks: <see cref="char.IsDigit(char)"/> accepts other scripts' digits,
/// which would let look-alike identifiers through.
/// </summary>
internal static class Digits
{
    public static bool AreAll(string value, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
