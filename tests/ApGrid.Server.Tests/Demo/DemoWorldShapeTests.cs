using System.Text.Json;
using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using ApGrid.Server.Demo;

namespace ApGrid.Server.Tests.Demo;

/// <summary>The demo tenants have the size, places and geography the DfE study's two LAs suggest.</summary>
public sealed class DemoWorldShapeTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("901", "Northbridge", 60, 15, 13, 7, 36)]
    [InlineData("902", "Eastmoor", 85, 18, 10, 8, 24)]
    public void Each_tenant_has_the_stated_counts(
        string code, string name, int primary, int secondary, int apSettings, int specialSchools, int pupils)
    {
        var tenant = Tenant(code);

        Assert.Equal(name, tenant.Profile.Name);
        Assert.Equal(primary, tenant.Schools.Count(s => s.Profile.Phase == Phase.Primary));
        Assert.Equal(secondary, tenant.Schools.Count(s => s.Profile.Phase == Phase.Secondary));
        Assert.Equal(apSettings, tenant.ApSettings.Count);
        Assert.Equal(specialSchools, tenant.SpecialSchools.Count);
        Assert.Equal(pupils, tenant.Pupils.Count);
    }

    [Fact]
    public void Tenant_codes_match_the_generated_tenants()
    {
        Assert.Equal(DemoWorld.TenantCodes, DemoWorld.Create(Today).Select(t => t.Profile.Code));
    }

    [Theory]
    [InlineData("901", 1.35, 22)]
    [InlineData("902", 1.25, 45)]
    public void Travel_assumptions_are_urban_or_rural_with_DfE_journey_limits(string code, double roadFactor, double speedKmh)
    {
        var profile = Tenant(code).Profile;

        Assert.Equal(roadFactor, profile.RoadFactor);
        Assert.Equal(speedKmh, profile.AverageSpeedKmh);
        Assert.Equal(45, profile.PrimaryJourneyMinutes);
        Assert.Equal(75, profile.SecondaryJourneyMinutes);
    }

    [Fact]
    public void The_same_date_always_builds_the_same_world()
    {
        var first = JsonSerializer.Serialize(DemoWorld.Create(Today));
        var second = JsonSerializer.Serialize(DemoWorld.Create(Today));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Urns_are_six_digits_and_unique_across_both_tenants()
    {
        var urns = DemoWorld.Create(Today)
            .SelectMany(t => t.Schools.Select(s => s.Urn)
                .Concat(t.ApSettings.Select(s => s.Urn))
                .Concat(t.SpecialSchools.Select(s => s.Urn)))
            .ToList();

        Assert.All(urns, urn => Assert.True(Urn.TryParse(urn, out _), urn));
        Assert.Equal(urns.Count, urns.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Names_are_unique_within_a_tenant_and_carry_the_fictional_LA_name()
    {
        foreach (var tenant in DemoWorld.Create(Today))
        {
            var names = tenant.Schools.Select(s => s.Profile.Name)
                .Concat(tenant.ApSettings.Select(s => s.Profile.Name))
                .Concat(tenant.SpecialSchools.Select(s => s.Profile.Name))
                .ToList();

            Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
            Assert.All(names, name => Assert.StartsWith(tenant.Profile.Name + " ", name, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("901", 52.95, -1.15, 8)]
    [InlineData("902", 52.65, 0.85, 45)]
    public void Every_school_and_setting_is_within_the_stated_radius(string code, double latitude, double longitude, double radiusKm)
    {
        var tenant = Tenant(code);
        var centre = new GeoPoint(latitude, longitude);
        var locations = tenant.Schools.Select(s => s.Profile.Location)
            .Concat(tenant.ApSettings.Select(s => s.Profile.Location))
            .Concat(tenant.SpecialSchools.Select(s => s.Profile.Location));

        Assert.All(locations, location => Assert.InRange(Travel.GreatCircleKm(centre, location.ToGeoPoint()), 0, radiusKm));
    }

    [Fact]
    public void Ap_settings_have_a_realistic_mix_and_only_unregistered_providers_are_unregistered()
    {
        foreach (var tenant in DemoWorld.Create(Today))
        {
            var settings = tenant.ApSettings;

            Assert.All(settings, s => Assert.Equal(s.Profile.Type != ApSettingType.UnregisteredProvider, s.Profile.Registered));
            Assert.InRange(settings.Count(s => !s.Profile.Registered), 1, 2);
            Assert.All(
                [ApSettingType.PupilReferralUnit, ApSettingType.ApAcademy, ApSettingType.ApFreeSchool, ApSettingType.IndependentSchool],
                type => Assert.Contains(settings, s => s.Profile.Type == type));
            Assert.Contains(settings, s => !s.Profile.KeyStages.Any(k => k >= KeyStage.Ks3));
            Assert.Contains(settings, s => !s.Profile.KeyStages.Any(k => k <= KeyStage.Ks2));
            Assert.Contains(settings, s => s.Profile.KeyStages.Contains(KeyStage.Ks1) && s.Profile.KeyStages.Contains(KeyStage.Ks4));
            Assert.True(settings.Count(s => s.Profile.Specialisms.Contains(NeedType.Semh)) > settings.Count / 2);
        }
    }

    [Fact]
    public void Ap_availability_is_in_realistic_ranges_with_some_closed_sessions()
    {
        foreach (var setting in DemoWorld.Create(Today).SelectMany(t => t.ApSettings))
        {
            var availability = setting.Availability;

            Assert.InRange(availability.FullTimePlaces, 0, setting.Profile.Registered ? 40 : 4);
            Assert.Equal(Sessions.All, availability.Sessions.Select(s => s.Session));
            Assert.All(availability.Sessions, s => Assert.InRange(s.Places, 0, 8));
            Assert.InRange(availability.OutreachHoursPerWeek, 0, 30);
        }

        var allSessions = DemoWorld.Create(Today).SelectMany(t => t.ApSettings).SelectMany(s => s.Availability.Sessions).ToList();
        Assert.Contains(allSessions, s => s.Places == 0 && s.Session == Session.FriPm);
    }

    [Fact]
    public void Special_schools_are_nearly_full_with_a_few_free_places()
    {
        var specials = DemoWorld.Create(Today).SelectMany(t => t.SpecialSchools).ToList();

        Assert.All(specials, s =>
        {
            Assert.InRange(s.Places, 40, 220);
            Assert.InRange(s.Places - s.PlacesTaken, 0, 3);
            Assert.NotEmpty(s.Profile.Designations);
        });
        Assert.Contains(specials, s => s.PlacesTaken < s.Places);
        Assert.True(specials.Count(s => s.PlacesTaken == s.Places) > specials.Count / 2);
    }

    private static DemoTenant Tenant(string code) => DemoWorld.Create(Today).Single(t => t.Profile.Code == code);
}
