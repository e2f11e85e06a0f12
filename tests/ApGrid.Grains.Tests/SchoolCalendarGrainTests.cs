using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using Orleans.Runtime;

namespace ApGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SchoolCalendarGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    private static HalfTerm[] Terms2025 =>
    [
        new(new(2025, 9, 3), new(2025, 10, 24)),
        new(new(2025, 11, 3), new(2025, 12, 19)),
        new(new(2026, 1, 5), new(2026, 2, 13)),
        new(new(2026, 2, 23), new(2026, 3, 27)),
        new(new(2026, 4, 13), new(2026, 5, 22)),
        new(new(2026, 6, 1), new(2026, 7, 21)),
    ];

    [Fact]
    public async Task Entered_terms_survive_deactivation_and_other_years_are_defaults()
    {
        var tenant = TestWorld.NewTenant();
        var calendar = Grains.GetGrain<ISchoolCalendarGrain>(tenant);
        await TenantContext.RunAsync(tenant, async () =>
        {
            var set = await calendar.SetTermsAsync(2025, Terms2025, [new DateOnly(2026, 1, 5)]);
            Assert.True(set.Succeeded, set.Error?.Message);
        });

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var (entered, other) = await TenantContext.RunAsync(tenant, async () => (await calendar.GetYearAsync(2025), await calendar.GetYearAsync(2026)));
        Assert.False(entered.IsDefault);
        Assert.Equal(Terms2025, entered.Terms);
        Assert.Equal([new DateOnly(2026, 1, 5)], entered.InsetDays);
        Assert.True(other.IsDefault);
        Assert.Equal(DefaultTermDates.For(2026).Terms, other.Terms);
    }

    [Fact]
    public async Task Invalid_terms_are_refused_and_change_nothing()
    {
        var tenant = TestWorld.NewTenant();
        var calendar = Grains.GetGrain<ISchoolCalendarGrain>(tenant);
        var result = await TenantContext.RunAsync(tenant, () => calendar.SetTermsAsync(2025, Terms2025[..5], []));
        Assert.Equal(("terms", ErrorCode.Validation), (result.Error!.Field, result.Error.Code));
        Assert.True((await TenantContext.RunAsync(tenant, () => calendar.GetYearAsync(2025))).IsDefault);
    }

    [Fact]
    public async Task A_calendar_for_a_school_adds_its_own_inset_days_and_covers_the_next_year()
    {
        var tenant = TestWorld.NewTenant();
        var calendar = Grains.GetGrain<ISchoolCalendarGrain>(tenant);
        var (forSchool, forOther) = await TenantContext.RunAsync(tenant, async () =>
        {
            Assert.True((await calendar.SetTermsAsync(2025, Terms2025, [])).Succeeded);
            var refused = await calendar.SetSchoolInsetDaysAsync("100001", 2025, [new DateOnly(2025, 10, 28)]);
            Assert.Equal("dates", refused.Error?.Field);
            Assert.True((await calendar.SetSchoolInsetDaysAsync("100001", 2025, [new DateOnly(2025, 10, 13)])).Succeeded);
            return (await calendar.GetCalendarAsync(new(2025, 10, 1), new(2025, 10, 31), "100001"),
                await calendar.GetCalendarAsync(new(2025, 10, 1), new(2025, 10, 31), "100002"));
        });

        Assert.False(forSchool.IsSchoolDay(new DateOnly(2025, 10, 13)));
        Assert.True(forOther.IsSchoolDay(new DateOnly(2025, 10, 13)));
        Assert.False(forSchool.IsSchoolDay(new DateOnly(2025, 9, 2)));
        Assert.Equal(new DateOnly(2027, 8, 31), forSchool.LastDate);
        Assert.True(forSchool.Years[1].IsDefault);
    }

    [Fact]
    public async Task No_terms_and_no_inset_days_go_back_to_the_default()
    {
        var tenant = TestWorld.NewTenant();
        var calendar = Grains.GetGrain<ISchoolCalendarGrain>(tenant);
        var year = await TenantContext.RunAsync(tenant, async () =>
        {
            Assert.True((await calendar.SetTermsAsync(2025, Terms2025, [])).Succeeded);
            Assert.True((await calendar.SetTermsAsync(2025, [], [])).Succeeded);
            return await calendar.GetYearAsync(2025);
        });
        Assert.True(year.IsDefault);
        Assert.Equal("terms", (await TenantContext.RunAsync(tenant, () => calendar.SetTermsAsync(2025, [], [new DateOnly(2025, 9, 3)]))).Error?.Field);
    }

    [Fact]
    public async Task Another_tenant_cannot_call_the_calendar()
    {
        var tenant = TestWorld.NewTenant();
        var calendar = Grains.GetGrain<ISchoolCalendarGrain>(tenant);
        await Assert.ThrowsAsync<TenantMismatchException>(() =>
            TenantContext.RunAsync(TestWorld.NewTenant(), () => calendar.SetTermsAsync(2025, Terms2025, [])));
    }
}
