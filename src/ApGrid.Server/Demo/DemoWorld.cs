using ApGrid.Domain;

namespace ApGrid.Server.Demo;

/// <summary>
/// Two fictional tenants for trying ApGrid: Northbridge (901), urban and compact like LA 1 of the
/// DfE study, and Eastmoor (902), rural and spread over a county like LA 2. Generated from fixed
/// seeds, so every run builds the same world; dates are relative to <c>today</c> so it stays valid.
/// </summary>
public static class DemoWorld
{
    private static readonly KeyStage[] Primary = [KeyStage.Ks1, KeyStage.Ks2];
    private static readonly KeyStage[] Secondary = [KeyStage.Ks3, KeyStage.Ks4];
    private static readonly KeyStage[] AllThrough = [KeyStage.Ks1, KeyStage.Ks2, KeyStage.Ks3, KeyStage.Ks4];

    private static readonly DemoTenantSpec[] Specs =
    [
        new(
            "901", "Northbridge", 52.95, -1.15, RadiusKm: 8, PrimarySchools: 60, SecondarySchools: 15,
            ApSettings:
            [
                Setting(ApSettingType.PupilReferralUnit, Primary, NeedType.Semh),
                Setting(ApSettingType.PupilReferralUnit, Secondary, NeedType.Semh),
                Setting(ApSettingType.PupilReferralUnit, Secondary, NeedType.Semh, NeedType.Slcn),
                Setting(ApSettingType.ApAcademy, Primary, NeedType.Semh, NeedType.Slcn),
                Setting(ApSettingType.ApAcademy, Secondary, NeedType.Semh),
                Setting(ApSettingType.ApAcademy, AllThrough, NeedType.Semh, NeedType.Asd),
                Setting(ApSettingType.ApAcademy, Secondary, NeedType.Semh),
                Setting(ApSettingType.ApFreeSchool, Primary, NeedType.Semh, NeedType.Asd),
                Setting(ApSettingType.IndependentSchool, AllThrough, NeedType.Asd, NeedType.Semh),
                Setting(ApSettingType.IndependentSchool, Secondary, NeedType.Semh),
                Setting(ApSettingType.IndependentSchool, Primary, NeedType.Semh, NeedType.Slcn),
                Setting(ApSettingType.UnregisteredProvider, Secondary, NeedType.Semh),
                Setting(ApSettingType.UnregisteredProvider, [KeyStage.Ks2], NeedType.Semh),
            ],
            SpecialSchoolDesignations:
            [
                [NeedType.Semh], [NeedType.Asd, NeedType.Slcn], [NeedType.Mld], [NeedType.Sld, NeedType.Pmld],
                [NeedType.Semh, NeedType.Asd], [NeedType.Mld, NeedType.Asd], [NeedType.Pd, NeedType.Msi],
            ],
            PupilsInAp: 36, RoadFactor: 1.35, AverageSpeedKmh: 22, Seed: 901),
        new(
            "902", "Eastmoor", 52.65, 0.85, RadiusKm: 45, PrimarySchools: 85, SecondarySchools: 18,
            ApSettings:
            [
                Setting(ApSettingType.PupilReferralUnit, AllThrough, NeedType.Semh),
                Setting(ApSettingType.PupilReferralUnit, Secondary, NeedType.Semh),
                Setting(ApSettingType.ApAcademy, Primary, NeedType.Semh),
                Setting(ApSettingType.ApAcademy, Secondary, NeedType.Semh, NeedType.Slcn),
                Setting(ApSettingType.ApAcademy, AllThrough, NeedType.Semh, NeedType.Asd),
                Setting(ApSettingType.ApFreeSchool, Secondary, NeedType.Semh),
                Setting(ApSettingType.IndependentSchool, AllThrough, NeedType.Asd),
                Setting(ApSettingType.IndependentSchool, Primary, NeedType.Semh),
                Setting(ApSettingType.UnregisteredProvider, Secondary, NeedType.Semh),
                Setting(ApSettingType.UnregisteredProvider, AllThrough, NeedType.Semh),
            ],
            SpecialSchoolDesignations:
            [
                [NeedType.Semh], [NeedType.Asd], [NeedType.Mld], [NeedType.Sld, NeedType.Pmld],
                [NeedType.Mld, NeedType.Slcn], [NeedType.Semh, NeedType.Asd], [NeedType.Pd], [NeedType.Hi, NeedType.Vi],
            ],
            PupilsInAp: 24, RoadFactor: 1.25, AverageSpeedKmh: 45, Seed: 902),
    ];

    /// <summary>The demo tenants' LA codes, known without building the world.</summary>
    public static IReadOnlyList<string> TenantCodes { get; } = [.. Specs.Select(s => s.Code)];

    /// <summary>The demo LAs' names by code, for pages that list tenants before anyone signs in.</summary>
    public static IReadOnlyDictionary<string, string> TenantNames { get; } = Specs.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal);

    /// <summary>Builds the demo world as it stands on <paramref name="today"/>; the same date always gives the same world.</summary>
    public static IReadOnlyList<DemoTenant> Create(DateOnly today) =>
        [.. Specs.Select(spec => new DemoTenantBuilder(spec, today).Build())];

    private static DemoApSettingSpec Setting(ApSettingType type, KeyStage[] keyStages, params NeedType[] specialisms) =>
        new(type, keyStages, specialisms);
}
