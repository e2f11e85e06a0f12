using ApGrid.Grains.Abstractions;

namespace ApGrid.Server.Demo;

public sealed record DemoTenant(
    LocalAuthorityProfile Profile,
    IReadOnlyList<DemoSchool> Schools,
    IReadOnlyList<DemoApSetting> ApSettings,
    IReadOnlyList<DemoSpecialSchool> SpecialSchools,
    IReadOnlyList<DemoPupil> Pupils,
    IReadOnlyList<DemoWaitingEntry> WaitingEntries,
    IReadOnlyList<DemoOutreachRequest> OutreachRequests,
    IReadOnlyList<DemoEhcCase> EhcCases);
