using ApGrid.Domain;

namespace ApGrid.Server.Demo;

/// <summary>The shape of one fictional LA, after the two LAs of the DfE 2022 study of primary-age AP.</summary>
internal sealed record DemoTenantSpec(
    string Code,
    string Name,
    double CentreLatitude,
    double CentreLongitude,
    double RadiusKm,
    int PrimarySchools,
    int SecondarySchools,
    IReadOnlyList<DemoApSettingSpec> ApSettings,
    IReadOnlyList<IReadOnlyList<NeedType>> SpecialSchoolDesignations,
    int PupilsInAp,
    double RoadFactor,
    double AverageSpeedKmh,
    int Seed)
{
    public const int PrimaryJourneyMinutes = 45;

    public const int SecondaryJourneyMinutes = 75;

    /// <summary>First digit of every URN in the tenant, so two tenants' URNs can never collide.</summary>
    public int UrnPrefix => Code[^1] - '0';
}
