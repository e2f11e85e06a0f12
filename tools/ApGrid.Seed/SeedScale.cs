namespace ApGrid.Seed;

/// <summary>
/// National totals of a synthetic world. They are split over the tenants by each tenant's weight,
/// so the largest LA is about <see cref="LargestToSmallest"/> times the smallest, as in England.
/// </summary>
public sealed record SeedScale(
    string Name,
    int Tenants,
    int Schools,
    int ApSettings,
    int SpecialSchools,
    int Pupils,
    int PupilsWithApHistory,
    double LargestToSmallest)
{
    /// <summary>England: 153 LAs, about 20,000 mainstream schools, 1,500 AP settings, 1,100 special schools, 600,000 pupils with EHC plans or requests.</summary>
    public static SeedScale England { get; } = new("england", 153, 20_000, 1_500, 1_100, 600_000, 40_000, 20);

    /// <summary>Three tenants of a few thousand pupils: the same shapes, small enough for tests.</summary>
    public static SeedScale Small { get; } = new("small", 3, 120, 12, 9, 3_000, 300, 20);

    public static SeedScale? Named(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "england" => England,
        "small" => Small,
        _ => null,
    };
}
