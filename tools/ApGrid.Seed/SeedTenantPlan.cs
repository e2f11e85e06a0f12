namespace ApGrid.Seed;

/// <summary>One synthetic tenant's share of the national world, and where its URNs start.</summary>
public sealed record SeedTenantPlan(
    string Code,
    string Name,
    int Schools,
    int ApSettings,
    int SpecialSchools,
    int Pupils,
    int PupilsWithApHistory,
    int FirstUrn,
    int Seed);
