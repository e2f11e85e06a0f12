namespace ApGrid.Domain;

/// <summary>
/// Identifies a tenant of the platform. Each tenant is one local authority, so the id is
/// its LA code; keeping a separate type stops an LA code from a pupil record being passed
/// where a tenant boundary is meant.
/// </summary>
public readonly record struct TenantId
{
    private const string Field = "tenantId";

    /// <exception cref="DomainRuleException">The value is not a valid LA code.</exception>
    public TenantId(LaCode laCode)
    {
        if (laCode.Value.Length == 0)
        {
            throw new DomainRuleException(DomainError.Validation(Field, "Tenant id must be a 3-digit LA code."));
        }

        LaCode = laCode;
    }

    public LaCode LaCode { get; }

    public string Value => LaCode.Value;

    public static TenantId Parse(string? value)
    {
        if (!LaCode.TryParse(value, out var laCode))
        {
            throw new DomainRuleException(Check(value)!);
        }

        return new TenantId(laCode);
    }

    public static bool TryParse(string? value, out TenantId result)
    {
        if (LaCode.TryParse(value, out var laCode))
        {
            result = new TenantId(laCode);
            return true;
        }

        result = default;
        return false;
    }

    public override string ToString() => Value;

    private static DomainError? Check(string? value) =>
        LaCode.Check(value) is null
            ? null
            : DomainError.Validation(Field, string.IsNullOrEmpty(value)
                ? "Tenant id is required."
                : "Tenant id must be a 3-digit LA code, e.g. 901.");
}
