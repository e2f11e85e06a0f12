using ApGrid.Domain;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

/// <summary>What the GIAS import writes into establishments, and what an LA's own edit then leaves alone.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GiasRecordTests(ClusterFixture fixture)
{
    private static readonly Location Here = new(52.65, 0.85);

    private static string NewUrn() => "15" + Random.Shared.Next(0, 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task GIAS_closes_an_AP_setting_and_keeps_what_the_LA_maintains_while_an_LA_edit_keeps_the_closure()
    {
        var grains = new TenantGrains(fixture.Cluster.Client, "931");
        var urn = NewUrn();
        var contact = new ContactRecord("Ms A", "Head", "a@example.org", null);
        var profile = new ApSettingProfile("PRU", ApSettingType.PupilReferralUnit, true, [KeyStage.Ks3], [NeedType.Semh], Here) { Contacts = [contact] };
        await grains.Setting(urn).CreateAsync(profile, new ApAvailability(7, [], 2));

        var gias = profile with { Name = "PRU (GIAS)", Contacts = [], Closed = true, ClosedOn = new DateOnly(2025, 8, 31), GiasPlaces = 30 };
        var recorded = await grains.Setting(urn).RecordGiasAsync(gias);

        Assert.True(recorded.Succeeded);
        var closed = recorded.Value!;
        Assert.Equal(("PRU (GIAS)", true, 30, 7), (closed.Profile.Name, closed.Profile.Closed, closed.Profile.GiasPlaces, closed.FullTimePlaces));
        Assert.Equal([contact], closed.Profile.Contacts);

        // The LA's edit form knows nothing of GIAS's fields: it must not reopen the setting.
        var edited = await grains.Setting(urn).UpdateProfileAsync(profile with { Name = "PRU renamed by the LA" });

        Assert.Equal((true, new DateOnly(2025, 8, 31), 30), (edited.Value!.Profile.Closed, edited.Value.Profile.ClosedOn, edited.Value.Profile.GiasPlaces));
    }

    [Fact]
    public async Task A_closed_setting_or_special_school_takes_nobody_new()
    {
        var grains = new TenantGrains(fixture.Cluster.Client, "931");
        var urn = NewUrn();
        var profile = new ApSettingProfile("PRU", ApSettingType.PupilReferralUnit, true, [KeyStage.Ks3], [], Here);
        await grains.Setting(urn).CreateAsync(profile, new ApAvailability(5, [], 0));
        await grains.Setting(urn).RecordGiasAsync(profile with { Closed = true });

        var refused = await grains.Setting(urn).ReservePlaceAsync(new PlaceReservation("r-closed", "pupil-1", true, [], KeyStage.Ks3, false, false, true));

        Assert.Equal((ErrorCode.Conflict, "apUrn"), (refused.Error!.Code, refused.Error.Field));

        var special = new SpecialSchoolProfile("Special", [NeedType.Asd], Here);
        await grains.SpecialSchool(urn).CreateAsync(special, 10, 0);
        await grains.SpecialSchool(urn).RecordGiasAsync(special with { Closed = true });
        var notAdded = await grains.SpecialSchool(urn).AddEntryAsync("pupil-1", new DateOnly(2025, 1, 6), "req-1");

        Assert.Equal("specialSchoolUrn", notAdded.Error!.Field);
    }

    [Fact]
    public async Task GIAS_refuses_key_stages_no_AP_setting_serves()
    {
        var grains = new TenantGrains(fixture.Cluster.Client, "931");
        var urn = NewUrn();
        var profile = new ApSettingProfile("PRU", ApSettingType.PupilReferralUnit, true, [KeyStage.Ks3], [], Here);
        await grains.Setting(urn).CreateAsync(profile, new ApAvailability(1, [], 0));

        var refused = await grains.Setting(urn).RecordGiasAsync(profile with { KeyStages = [KeyStage.Post16] });

        Assert.Equal("keyStages", refused.Error!.Field);
    }

    [Fact]
    public async Task A_special_schools_closure_survives_an_LA_edit_and_a_school_records_GIAS_once()
    {
        var grains = new TenantGrains(fixture.Cluster.Client, "931");
        var urn = NewUrn();
        var profile = new SpecialSchoolProfile("Special", [NeedType.Asd], Here);
        await grains.SpecialSchool(urn).CreateAsync(profile, 10, 0);
        await grains.SpecialSchool(urn).RecordGiasAsync(profile with { Closed = true, Ukprn = "10012345" });

        var edited = await grains.SpecialSchool(urn).UpdateProfileAsync(new SpecialSchoolProfile("Special (LA)", [NeedType.Asd], Here));

        Assert.Equal((true, "10012345", 10), (edited.Value!.Profile.Closed, edited.Value.Profile.Ukprn, edited.Value.Places));

        var school = new SchoolProfile("School", Phase.Primary, Here);
        await grains.School(urn).CreateAsync(school);
        Assert.True(await grains.School(urn).RecordGiasAsync(school with { Closed = true }));
        Assert.False(await grains.School(urn).RecordGiasAsync(school with { Closed = true }));
        Assert.True((await grains.School(urn).GetProfileAsync())!.Closed);
    }
}
