using System.Text.RegularExpressions;

namespace ApGrid.Domain;

/// <summary>
/// A UK postcode, whole ("NE1 4ST") or cut to its sector ("NE1 4"): the outward code and the
/// sector digit place a home within a few hundred homes, which is enough to estimate a journey,
/// while the full postcode identifies a street and is shown only to those who need it.
/// </summary>
/// <remarks>
/// Case and spacing are normalised (people type postcodes in every shape); anything else that does
/// not fit the Royal Mail pattern is refused, since a wrong postcode puts a child's home elsewhere.
/// </remarks>
public sealed partial record Postcode
{
    private Postcode(string outward, char sector, string? unit)
    {
        Outward = outward;
        Sector = $"{outward} {sector}";
        Value = unit is null ? Sector : Sector + unit;
    }

    /// <summary>The outward code, such as "NE1" or "SW1A".</summary>
    public string Outward { get; }

    /// <summary>Outward code and sector digit, such as "NE1 4".</summary>
    public string Sector { get; }

    /// <summary>The postcode as given, normalised: whole or sector only.</summary>
    public string Value { get; }

    public bool IsWhole => Value.Length > Sector.Length;

    public static bool TryParse(string? text, out Postcode? postcode)
    {
        postcode = null;
        if (text is null) return false;
        var match = Shape().Match(text.Trim().ToUpperInvariant());
        if (!match.Success) return false;
        postcode = new Postcode(match.Groups["outward"].Value, match.Groups["sector"].Value[0], match.Groups["unit"].Success ? match.Groups["unit"].Value : null);
        return true;
    }

    /// <exception cref="DomainRuleException">Not a UK postcode or postcode sector.</exception>
    public static Postcode Parse(string? text, string field) =>
        TryParse(text, out var postcode)
            ? postcode!
            : throw new DomainRuleException(DomainError.Validation(field, $"{field} must be a UK postcode such as \"NE1 4ST\", or its sector such as \"NE1 4\"."));

    public override string ToString() => Value;

    [GeneratedRegex(@"^(?<outward>[A-Z]{1,2}[0-9][A-Z0-9]?) ?(?<sector>[0-9])(?<unit>[ABD-HJLNP-UW-Z]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
