namespace ApGrid.Domain;

/// <summary>A DfE unique reference number for an establishment: exactly six ASCII digits.</summary>
public readonly record struct Urn
{
    private const string Field = "urn";

    private readonly string? _value;

    /// <exception cref="DomainRuleException">The value is not six ASCII digits.</exception>
    public Urn(string? value)
    {
        DomainRuleException.ThrowIfError(Check(value));
        _value = value;
    }

    /// <summary>The six digits; empty only for <c>default(Urn)</c>.</summary>
    public string Value => _value ?? string.Empty;

    public static Urn Parse(string? value) => new(value);

    public static bool TryParse(string? value, out Urn result)
    {
        var ok = Check(value) is null;
        result = ok ? new Urn(value) : default;
        return ok;
    }

    public override string ToString() => Value;

    private static DomainError? Check(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return DomainError.Validation(Field, "URN is required.");
        }

        if (value.Length != 6 || !Digits.AreAll(value, 0, 6))
        {
            return DomainError.Validation(Field, "URN must be exactly 6 digits (0-9), e.g. 100000.");
        }

        return null;
    }
}
