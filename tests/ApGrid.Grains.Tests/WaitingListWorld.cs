using ApGrid.Domain;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

/// <summary>A fresh tenant with special schools and pupils who have EHC plans, for waiting-list tests.</summary>
internal sealed class WaitingListWorld(IGrainFactory grains, string tenant)
{
    private int nextPupil;

    public string Tenant => tenant;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task<WaitingListWorld> CreateAsync(IGrainFactory grains)
    {
        var tenant = TestWorld.NewTenant();
        await TenantContext.RunAsync(tenant, () =>
            grains.GetGrain<ILocalAuthorityGrain>(tenant).CreateAsync(new LocalAuthorityProfile(tenant, "Test LA " + tenant, 1.3, 30, 45, 75)));
        return new WaitingListWorld(grains, tenant);
    }

    public Task<T> RunAsync<T>(Func<Task<T>> action) => TenantContext.RunAsync(tenant, action);

    public async Task<string> SpecialSchoolAsync(int places, int placesTaken)
    {
        var urn = TestWorld.NewUrn();
        await RunAsync(() => School(urn).CreateAsync(new SpecialSchoolProfile("Test special school", [NeedType.Asd], new Location(52.9, -1.1)), places, placesTaken));
        return urn;
    }

    public async Task<string> PupilAsync(SenProvision sen = SenProvision.EhcPlan)
    {
        var pupilId = PupilIds.New();
        var serial = Interlocked.Increment(ref nextPupil).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        var last12 = tenant + "4001" + "12" + serial;
        var dateOfBirth = SchoolYear.AcademicYearStart(Today).AddYears(-13).AddDays(40);
        var record = new PupilRecord(Upn.CheckLetterFor(last12) + last12, "CD", dateOfBirth, "100001", sen, NeedType.Asd, LookedAfter: false);
        var result = await RunAsync(() => Pupil(pupilId).RegisterAsync(record));
        Assert.Null(result.Error);
        return pupilId;
    }

    public ISpecialSchoolGrain School(string urn) => grains.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(tenant, urn));

    public IPupilGrain Pupil(string pupilId) => grains.GetGrain<IPupilGrain>(GrainKeys.For(tenant, pupilId));

    public ILocalAuthorityGrain La => grains.GetGrain<ILocalAuthorityGrain>(tenant);

    public async Task<WaitingListEntryRecord> AddAsync(string pupilId, string urn, DateOnly addedOn)
    {
        var result = await RunAsync(() => Pupil(pupilId).AddToWaitingListAsync(urn, addedOn));
        return result.Value ?? throw new InvalidOperationException(result.Error!.Message);
    }
}
