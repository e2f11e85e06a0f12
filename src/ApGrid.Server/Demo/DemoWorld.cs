using ApGrid.Domain;

namespace ApGrid.Server.Demo;

/// <summary>
/// Two fictional tenants for trying ApGrid: Northbridge (901), urban and compact like LA 1 of the
/// DfE study, and Eastmoor (902), rural and spread over a county like LA 2. Generated from fixed
/// seeds, so every run builds the same world; dates are relative to <c>today</c> so it stays valid.
/// </summary>
public static class DemoWorld
{
    public static IReadOnlyList<string> TenantCodes { get; } = ["901", "902"];

    private static readonly DemoTenantSpec[] Specs =
    [
        new("901", "Northbridge", 52.95, -1.15, 8, 60, 15, 7,
            [
                ApSettingType.PupilReferralUnit, ApSettingType.PupilReferralUnit, ApSettingType.PupilReferralUnit,
                ApSettingType.ApAcademy, ApSettingType.ApAcademy, ApSettingType.ApAcademy, ApSettingType.ApAcademy,
                ApSettingType.ApFreeSchool, ApSettingType.IndependentSchool, ApSettingType.IndependentSchool,
                ApSettingType.IndependentSchool, ApSettingType.UnregisteredProvider, ApSettingType.UnregisteredProvider,
            ],
            36, RoadFactor: 1.35, AverageSpeedKmh: 22, Seed: 901),
        new("902", "Eastmoor", 52.65, 0.85, 45, 85, 18, 8,
            [
                ApSettingType.PupilReferralUnit, ApSettingType.PupilReferralUnit, ApSettingType.ApAcademy,
                ApSettingType.ApAcademy, ApSettingType.ApAcademy, ApSettingType.ApFreeSchool,
                ApSettingType.IndependentSchool, ApSettingType.IndependentSchool,
                ApSettingType.UnregisteredProvider, ApSettingType.UnregisteredProvider,
            ],
            24, RoadFactor: 1.25, AverageSpeedKmh: 45, Seed: 902),
    ];

    public static IReadOnlyList<DemoTenant> Create(DateOnly today) =>
        [.. Specs.Select(spec => new DemoTenantBuilder(spec, today).Build())];
}
