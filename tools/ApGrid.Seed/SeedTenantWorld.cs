using ApGrid.Grains;

namespace ApGrid.Seed;

/// <summary>Every stored grain state of one tenant, consistent with each other, keyed by local id.</summary>
public sealed class SeedTenantWorld(SeedTenantPlan plan)
{
    public SeedTenantPlan Plan { get; } = plan;

    public LocalAuthorityState LocalAuthority { get; } = new();

    public OutreachBoardState OutreachBoard { get; } = new();

    public Dictionary<string, SchoolState> Schools { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ApSettingState> ApSettings { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SpecialSchoolState> SpecialSchools { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PupilState> Pupils { get; } = new(StringComparer.Ordinal);
}
