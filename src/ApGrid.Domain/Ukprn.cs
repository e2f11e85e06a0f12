namespace ApGrid.Domain;

/// <summary>A UK Provider Reference Number (UKRLP): eight digits starting with 1.</summary>
public static class Ukprn
{
    public static bool IsValid(string? value) => value is { Length: 8 } && value[0] == '1' && Digits.AreAll(value, 0, 8);
}
