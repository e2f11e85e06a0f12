namespace ApGrid.Domain;

/// <summary>
/// A DfE unique pupil number: check letter, LA code (3 digits), establishment number
/// (4 digits), year of allocation (2 digits) and serial (3 digits). A temporary UPN, issued
/// while the permanent one is unknown, ends in a check-alphabet letter instead of a digit.
/// </summary>
/// <remarks>
/// Lower case and whitespace are rejected rather than normalised: a UPN that arrives in the
/// wrong shape points at a broken upstream system, and silently fixing it would hide that.
/// </remarks>
public readonly record struct Upn
{
    /// <summary>The letters a check digit can take; I, O and S are left out to avoid confusion with 1, 0 and 5.</summary>
    public const string CheckAlphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public const int Length = 13;

    private const string Field = "upn";

    private readonly string? _value;

    /// <exception cref="DomainRuleException">The value is not a well-formed UPN with a matching check letter.</exception>
    public Upn(string? value)
    {
        DomainRuleException.ThrowIfError(Check(value));
        _value = value;
        LaCode = new LaCode(value!.Substring(1, 3));
    }

    /// <summary>The 13 characters; empty only for <c>default(Upn)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The LA that allocated the UPN, which is not necessarily the LA the pupil lives in now.</summary>
    public LaCode LaCode { get; }

    public bool IsTemporary => _value is not null && char.IsAsciiLetterUpper(_value[Length - 1]);

    public string EstablishmentNumber => _value is null ? string.Empty : _value.Substring(4, 4);

    public string YearOfAllocation => _value is null ? string.Empty : _value.Substring(8, 2);

    public static Upn Parse(string? value) => new(value);

    public static bool TryParse(string? value, out Upn result)
    {
        var ok = Check(value) is null;
        result = ok ? new Upn(value) : default;
        return ok;
    }

    /// <summary>
    /// The check letter for characters 2-13 of a UPN. Public so test fixtures and demo data
    /// can mint valid UPNs without duplicating the algorithm.
    /// </summary>
    /// <exception cref="DomainRuleException">
    /// <paramref name="last12"/> is not 11 digits followed by a digit or check-alphabet letter.
    /// </exception>
    public static char CheckLetterFor(string last12)
    {
        if (last12 is null
            || last12.Length != Length - 1
            || !Digits.AreAll(last12, 0, Length - 2)
            || !IsSerialEnd(last12[^1]))
        {
            throw new DomainRuleException(DomainError.Validation(
                Field,
                "The part of a UPN after the check letter must be 12 characters: 11 digits then a digit or a check-alphabet letter."));
        }

        var sum = 0;
        for (var i = 0; i < last12.Length; i++)
        {
            // Character i of last12 sits at UPN position i + 2, and the position is its weight.
            sum += CharacterValue(last12[i]) * (i + 2);
        }

        return CheckAlphabet[sum % CheckAlphabet.Length];
    }

    public override string ToString() => Value;

    private static int CharacterValue(char c) => char.IsAsciiDigit(c) ? c - '0' : CheckAlphabet.IndexOf(c, StringComparison.Ordinal);

    private static bool IsSerialEnd(char c) => char.IsAsciiDigit(c) || CheckAlphabet.Contains(c, StringComparison.Ordinal);

    private static DomainError? Check(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Invalid("UPN is required.");
        }

        if (value.Any(char.IsWhiteSpace))
        {
            return Invalid("UPN must not contain spaces or other whitespace.");
        }

        if (value.Length != Length)
        {
            return Invalid($"UPN must be exactly {Length} characters long, but has {value.Length}.");
        }

        if (value.Any(char.IsLower))
        {
            return Invalid("UPN must be in upper case.");
        }

        if (!CheckAlphabet.Contains(value[0], StringComparison.Ordinal))
        {
            return Invalid($"UPN check letter (character 1) must be one of {CheckAlphabet}.");
        }

        if (!Digits.AreAll(value, 1, 3))
        {
            return Invalid("UPN LA code (characters 2-4) must be 3 digits.");
        }

        if (!Digits.AreAll(value, 4, 4))
        {
            return Invalid("UPN establishment number (characters 5-8) must be 4 digits.");
        }

        if (!Digits.AreAll(value, 8, 2))
        {
            return Invalid("UPN year of allocation (characters 9-10) must be 2 digits.");
        }

        if (!Digits.AreAll(value, 10, 2) || !IsSerialEnd(value[12]))
        {
            return Invalid(
                "UPN serial (characters 11-13) must be 3 digits, or for a temporary UPN 2 digits then a check-alphabet letter.");
        }

        if (CheckLetterFor(value[1..]) != value[0])
        {
            return Invalid("UPN check letter (character 1) does not match the rest of the UPN.");
        }

        return null;
    }

    private static DomainError Invalid(string message) => DomainError.Validation(Field, message);
}
