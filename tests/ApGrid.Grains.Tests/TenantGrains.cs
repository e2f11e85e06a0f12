using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

/// <summary>
/// The grains of one tenant, as a test calls them: <c>await grains.Pupil(id).GetAsync()</c> instead
/// of wrapping every call in <c>TenantContext.RunAsync(tenant, ...)</c>. Creating it and each accessor
/// set the tenant in the calling flow's request context (a synchronous method's AsyncLocal change
/// stays with its caller), which Orleans copies into every call made later in that flow. It stays
/// set for the rest of the test method, never beyond it (an async method's changes do not flow back
/// to its caller): so create it in the test method itself, not in an awaited helper, and in a test
/// that mixes tenants take each grain through its own tenant's accessor right before calling it.
/// </summary>
internal sealed class TenantGrains
{
    private readonly IGrainFactory grains;
    private readonly string tenant;

    public TenantGrains(IGrainFactory grains, string tenant)
    {
        this.grains = grains;
        this.tenant = tenant;
        TenantContext.Set(tenant);
    }

    public string Tenant => tenant;

    public ILocalAuthorityGrain La => Get<ILocalAuthorityGrain>(tenant);

    public IChangeFeedGrain Feed => Get<IChangeFeedGrain>(tenant);

    public IAuditTrailGrain AuditTrail => Get<IAuditTrailGrain>(tenant);

    public IPupilGrain Pupil(string pupilId) => Get<IPupilGrain>(GrainKeys.For(tenant, pupilId));

    public IApSettingGrain Setting(string urn) => Get<IApSettingGrain>(GrainKeys.For(tenant, urn));

    public IProviderAssuranceGrain Assurance(string urn) => Get<IProviderAssuranceGrain>(GrainKeys.For(tenant, urn));

    public ISpecialSchoolGrain SpecialSchool(string urn) => Get<ISpecialSchoolGrain>(GrainKeys.For(tenant, urn));

    public ISchoolGrain School(string urn) => Get<ISchoolGrain>(GrainKeys.For(tenant, urn));

    public IAttendanceRegisterGrain Register(string urn, DateOnly date) => Get<IAttendanceRegisterGrain>(AttendanceKeys.Register(tenant, urn, date));

    public IPlacementAttendanceGrain PlacementAttendance(string placementId) => Get<IPlacementAttendanceGrain>(AttendanceKeys.Placement(tenant, placementId));

    private T Get<T>(string key)
        where T : IGrainWithStringKey
    {
        TenantContext.Set(tenant);
        return grains.GetGrain<T>(key);
    }
}
