namespace ApGrid.Seed;

/// <summary>
/// Splits a <see cref="SeedScale"/> into tenants. Everything is a function of the scale alone, so a
/// re-run plans the same tenants with the same codes, sizes and random seeds, which is what lets an
/// interrupted seed continue instead of starting a different world.
/// </summary>
public static class SeedWorldPlan
{
    /// <summary>Synthetic LA codes start here: clear of the demo tenants (901, 902) and of each other.</summary>
    public const int FirstLaCode = 201;

    private static readonly string[] NameStarts =
    [
        "Ash", "Bram", "Cal", "Dun", "Elm", "Fen", "Gran", "Hart", "Kel", "Lang", "Mar", "Nor", "Ost", "Pen", "Rad",
        "Sel", "Thorn", "Wes", "Whit", "Yar",
    ];

    private static readonly string[] NameEnds = ["ford", "ley", "borough", "shire", "ton", "field", "mouth", "wick"];

    public static IReadOnlyList<SeedTenantPlan> For(SeedScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        if (scale.Tenants is < 1 or > 698) throw new ArgumentOutOfRangeException(nameof(scale), "Between 1 and 698 tenants.");

        // Sizes grow with the square of the rank, so there are many small and mid-sized LAs and a few
        // big counties, from 1 to LargestToSmallest; a fixed shuffle spreads them over the codes.
        var n = scale.Tenants;
        var weights = Enumerable.Range(0, n)
            .Select(i => n == 1 ? 1.0 : Math.Pow(scale.LargestToSmallest, Math.Pow(i / (double)(n - 1), 2)))
            .ToArray();
        new Random(8).Shuffle(weights);
        var total = weights.Sum();

        var plans = new List<SeedTenantPlan>(n);
        var nextUrn = 100_000;
        for (var i = 0; i < n; i++)
        {
            var share = weights[i] / total;
            var code = FirstLaCode + i;
            var schools = Math.Max(4, (int)Math.Round(scale.Schools * share));
            var settings = Math.Max(2, (int)Math.Round(scale.ApSettings * share));
            var specials = Math.Max(1, (int)Math.Round(scale.SpecialSchools * share));
            var pupils = Math.Max(20, (int)Math.Round(scale.Pupils * share));
            var histories = Math.Min(pupils / 2, Math.Max(2, (int)Math.Round(scale.PupilsWithApHistory * share)));
            var name = NameStarts[i % NameStarts.Length] + NameEnds[i / NameStarts.Length % NameEnds.Length]
                + (i >= NameStarts.Length * NameEnds.Length ? $" {i / (NameStarts.Length * NameEnds.Length) + 1}" : "");
            plans.Add(new SeedTenantPlan(
                code.ToString(System.Globalization.CultureInfo.InvariantCulture), name, schools, settings, specials, pupils, histories,
                nextUrn, Seed: 1_000 + code));
            nextUrn += schools + settings + specials;
        }

        if (nextUrn > 999_999) throw new ArgumentOutOfRangeException(nameof(scale), "Too many establishments for six-digit URNs.");
        return plans;
    }
}
