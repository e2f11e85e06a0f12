using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

/// <summary>
/// The grains of one tenant, as a test calls them: <c>await tenant.Pupil(id).GetAsync()</c> instead
/// of wrapping every call in <c>TenantContext.RunAsync(tenant, ...)</c>. Each accessor sets the tenant
/// in the calling flow's request context (a synchronous method's AsyncLocal change stays with its
/// caller), which Orleans copies into the call. It stays set for the rest of the test method's flow,
/// never beyond it. A reference taken inside an awaited helper does not carry the tenant back to
/// the test method, and a test that mixes tenants must take each grain right before calling it, so
/// call through an accessor of this class rather than through a reference kept from elsewhere.
/// </summary>
internal sealed class TenantGrains(IGrainFactory grains, string tenant)
{
    public string Tenant => tenant;

    public ILocalAuthorityGrain La => Get<ILocalAuthorityGrain>(tenant);

    public IChangeFeedGrain Feed => Get<IChangeFeedGrain>(tenant);

    public IAuditTrailGrain AuditTrail => Get<IAuditTrailGrain>(tenant);

    public IPupilGrain Pupil(string pupilId) => Get<IPupilGrain>(GrainKeys.For(tenant, pupilId));

    public IApSettingGrain Setting(string urn) => Get<IApSettingGrain>(GrainKeys.For(tenant, urn));

    public ISpecialSchoolGrain SpecialSchool(string urn) => Get<ISpecialSchoolGrain>(GrainKeys.For(tenant, urn));

    public ISchoolGrain School(string urn) => Get<ISchoolGrain>(GrainKeys.For(tenant, urn));

    private T Get<T>(string key)
        where T : IGrainWithStringKey
    {
        TenantContext.Set(tenant);
        return grains.GetGrain<T>(key);
    }
}
