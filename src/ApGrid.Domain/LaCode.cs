namespace ApGrid.Domain;

/// <summary>A DfE local authority number: exactly three ASCII digits, e.g. "901".</summary>
public readonly record struct LaCode
{
    private const string Field = "laCode";

    private readonly string? _value;

    /// <exception cref="DomainRuleException">The value is not three ASCII digits.</exception>
    public LaCode(string? value)
    {
        DomainRuleException.ThrowIfError(Check(value));
        _value = value;
    }

    /// <summary>The three digits; empty only for <c>default(LaCode)</c>.</summary>
    public string Value => _value ?? string.Empty;

    public static LaCode Parse(string? value) => new(value);

    public static bool TryParse(string? value, out LaCode result)
    {
        var ok = Check(value) is null;
        result = ok ? new LaCode(value) : default;
        return ok;
    }

    public override string ToString() => Value;

    internal static DomainError? Check(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return DomainError.Validation(Field, "LA code is required.");
        }

        if (value.Length != 3 || !Digits.AreAll(value, 0, 3))
        {
            return DomainError.Validation(Field, "LA code must be exactly 3 digits (0-9), e.g. 901.");
        }

        return null;
    }
}
