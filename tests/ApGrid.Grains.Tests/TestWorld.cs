using ApGrid.Domain;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

/// <summary>Small fixtures of settings and pupils, each under a fresh tenant so tests never share state.</summary>
internal static class TestWorld
{
    private static int nextTenant = 100;
    private static int nextUrn = 500000;

    public static string NewTenant() => Interlocked.Increment(ref nextTenant).ToString("000", System.Globalization.CultureInfo.InvariantCulture);

    public static string NewUrn() => Interlocked.Increment(ref nextUrn).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static ApSettingProfile Profile(bool registered = true, params KeyStage[] keyStages) => new(
        "Test AP",
        registered ? ApSettingType.PupilReferralUnit : ApSettingType.UnregisteredProvider,
        registered,
        keyStages.Length == 0 ? [KeyStage.Ks2, KeyStage.Ks3, KeyStage.Ks4] : keyStages,
        [NeedType.Semh],
        new Location(52.95, -1.15));

    public static ApAvailability Availability(int fullTime, int perSession = 0, double outreach = 0) =>
        new(fullTime, [.. Sessions.All.Select(s => new SessionPlaces(s, perSession))], outreach);

    public static PlaceReservation FullTime(string id, KeyStage keyStage = KeyStage.Ks3) =>
        new(id, "pupil-" + id, true, [], keyStage, HasEhcPlan: false, LookedAfter: false, OfCompulsorySchoolAge: true);

    public static PlaceReservation PartTime(string id, params Session[] sessions) =>
        new(id, "pupil-" + id, false, sessions, KeyStage.Ks3, HasEhcPlan: false, LookedAfter: false, OfCompulsorySchoolAge: true);

    /// <summary>Due diligence with every essential for approval, dated today (insurance for a year).</summary>
    public static DueDiligenceRecord DueDiligence()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return DueDiligenceRecord.Empty with
        {
            DslName = "Sam Patel",
            DslTrainedOn = today,
            VettingConfirmedOn = today,
            VettingConfirmedBy = "QA officer",
            InsuranceExpires = today.AddYears(1),
            Visits = [new VisitRecord(today, "QA officer", "Safe site, staff knew the pupils", Rag.Green)],
        };
    }

    /// <summary>As the LA would: records the due diligence and approves the provider; the setting hears of it through the outbox.</summary>
    public static async Task ApproveAsync(IGrainFactory grains, string tenant, string urn)
    {
        var assurance = new TenantGrains(grains, tenant).Assurance(urn);
        Assert.True((await assurance.RecordDueDiligenceAsync(DueDiligence(), AssuranceChange.DueDiligence, "la-1", "LA_OFFICER")).Succeeded);
        Assert.True((await assurance.DecideAsync(ProviderDecision.Approved, null, null, "la-1")).Succeeded);
    }

    /// <summary>Creates an LA with one AP setting and returns the setting's grain, all in the tenant's context.</summary>
    public static async Task<(string Tenant, string Urn)> CreateSettingAsync(IGrainFactory grains, ApSettingProfile profile, ApAvailability availability)
    {
        var tenant = NewTenant();
        var urn = NewUrn();
        await TenantContext.RunAsync(tenant, async () =>
        {
            var la = grains.GetGrain<ILocalAuthorityGrain>(tenant);
            await la.CreateAsync(new LocalAuthorityProfile(tenant, "Test LA " + tenant, 1.3, 30, 45, 75));
            await grains.GetGrain<IApSettingGrain>(GrainKeys.For(tenant, urn)).CreateAsync(profile, availability);
            await la.RegisterApSettingAsync(new RegistryEntry(urn, profile.Name));
        });
        return (tenant, urn);
    }
}
