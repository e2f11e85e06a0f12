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
    int SpecialSchools,
    IReadOnlyList<Domain.ApSettingType> ApSettingTypes,
    int PupilsInAp,
    double RoadFactor,
    double AverageSpeedKmh,
    int Seed);
