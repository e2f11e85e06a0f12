using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class RouteRulesTests
{
    private static readonly SchoolCalendar Calendar = new([DefaultTermDates.For(2024), DefaultTermDates.For(2025)]);

    [Theory]
    [InlineData(PlacementRoute.OffSiteDirection, Commissioner.School)]
    [InlineData(PlacementRoute.SuspensionProvision, Commissioner.School)]
    [InlineData(PlacementRoute.S19PermanentExclusion, Commissioner.La)]
    [InlineData(PlacementRoute.S19HealthOrOther, Commissioner.La)]
    [InlineData(PlacementRoute.EhcPlanS61, Commissioner.La)]
    [InlineData(PlacementRoute.LaPanel, Commissioner.La)]
    public void Each_route_is_started_and_reviewed_by_its_commissioner_only(PlacementRoute route, Commissioner owner)
    {
        Assert.Equal(owner, RouteRules.CommissionedBy(route));
        Assert.Equal(owner, RouteRules.ReviewedBy(route));
        Assert.Null(RouteRules.CheckStarter(route, owner));
        var other = owner == Commissioner.School ? Commissioner.La : Commissioner.School;
        var refused = RouteRules.CheckStarter(route, other);
        Expect.Is(refused, ErrorCode.Forbidden, "route");
        Assert.Contains(RouteRules.ContractName(route), refused!.Message);
    }

    [Theory]
    [InlineData(PlacementRoute.OffSiteDirection, true, Registration.Main, Registration.Subsidiary, "D")]
    [InlineData(PlacementRoute.OffSiteDirection, false, Registration.Single, null, "B")]
    [InlineData(PlacementRoute.SuspensionProvision, false, Registration.Single, null, "B")]
    [InlineData(PlacementRoute.S19PermanentExclusion, true, null, Registration.Single, null)]
    [InlineData(PlacementRoute.S19PermanentExclusion, false, null, null, "K")]
    [InlineData(PlacementRoute.S19HealthOrOther, true, Registration.Main, Registration.Subsidiary, "D")]
    [InlineData(PlacementRoute.S19HealthOrOther, false, Registration.Single, null, "K")]
    [InlineData(PlacementRoute.EhcPlanS61, false, Registration.Single, null, "K")]
    [InlineData(PlacementRoute.LaPanel, false, Registration.Single, null, "K")]
    public void Registration_and_attendance_code_follow_the_route_table(PlacementRoute route, bool providerIsSchool, Registration? home, Registration? provider, string? code) =>
        Assert.Equal(new PlacementRegistration(home, provider, code), RouteRules.Registration(route, providerIsSchool));

    [Fact]
    public void Only_a_non_school_provider_keeps_no_register()
    {
        Assert.False(RouteRules.IsSchool(ApSettingType.UnregisteredProvider));
        Assert.All(Enum.GetValues<ApSettingType>().Where(t => t != ApSettingType.UnregisteredProvider), t => Assert.True(RouteRules.IsSchool(t)));
    }

    [Fact]
    public void A_direction_needs_notice_two_school_days_ahead_counted_across_half_term()
    {
        // Friday 14 February 2025 is the last day before the default February half term.
        var lastDay = new DateOnly(2025, 2, 14);
        var earliest = Calendar.AddSchoolDays(lastDay, 2);
        Assert.Equal(new DateOnly(2025, 2, 25), earliest);

        Expect.Is(RouteRules.CheckNotice(Calendar, PlacementRoute.OffSiteDirection, null, earliest, earliest), ErrorCode.Validation, "notice");
        Expect.Is(RouteRules.CheckNotice(Calendar, PlacementRoute.OffSiteDirection, lastDay, new DateOnly(2025, 2, 18), earliest), ErrorCode.Validation, "startDate");
        Assert.Null(RouteRules.CheckNotice(Calendar, PlacementRoute.OffSiteDirection, lastDay, earliest, earliest));
        Expect.Is(RouteRules.CheckNotice(Calendar, PlacementRoute.OffSiteDirection, earliest, earliest, lastDay), ErrorCode.Validation, "notice.givenOn");
    }

    [Theory]
    [InlineData(PlacementRoute.S19PermanentExclusion)]
    [InlineData(PlacementRoute.S19HealthOrOther)]
    [InlineData(PlacementRoute.SuspensionProvision)]
    public void Other_routes_need_no_notice_period(PlacementRoute route)
    {
        var day = new DateOnly(2025, 3, 3);
        Assert.Null(RouteRules.CheckNotice(Calendar, route, null, day, day));
        Assert.Null(RouteRules.CheckNotice(Calendar, route, day, day, day));
    }

    [Fact]
    public void Consent_is_the_LAs_policy_and_by_default_only_the_panels()
    {
        Assert.Equal([PlacementRoute.LaPanel], RouteRules.DefaultConsentRoutes);
        Assert.True(RouteRules.NeedsConsent(PlacementRoute.LaPanel, RouteRules.DefaultConsentRoutes));
        Assert.All(Enum.GetValues<PlacementRoute>().Where(r => r != PlacementRoute.LaPanel), r => Assert.False(RouteRules.NeedsConsent(r, RouteRules.DefaultConsentRoutes)));
        Assert.True(RouteRules.NeedsConsent(PlacementRoute.S19HealthOrOther, [PlacementRoute.S19HealthOrOther]));
        Assert.False(RouteRules.NeedsConsent(PlacementRoute.LaPanel, []));
    }

    [Theory]
    [InlineData(PlacementRoute.OffSiteDirection, true)]
    [InlineData(PlacementRoute.LaPanel, true)]
    [InlineData(PlacementRoute.SuspensionProvision, false)]
    [InlineData(PlacementRoute.S19PermanentExclusion, false)]
    [InlineData(PlacementRoute.S19HealthOrOther, false)]
    [InlineData(PlacementRoute.EhcPlanS61, false)]
    public void A_pupil_keeps_home_school_sessions_only_on_routes_that_leave_them_at_school(PlacementRoute route, bool keeps) =>
        Assert.Equal(keeps, RouteRules.KeepsHomeSchoolSessions(route));
}
