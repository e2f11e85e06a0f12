namespace ApGrid.Server.Tests.Api;

/// <summary>Who sees a pupil: the LA, the pupil's own school, the AP only while the pupil is placed there; never a partner.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class PupilVisibilityTests(RunningServerFixture server)
{
    private const string PupilQuery = "query($id: ID!) { pupil(id: $id) { id upn initials } }";

    [Fact]
    public async Task A_school_sees_and_refers_its_own_pupils_only()
    {
        var world = new PlacementWorld(server, "901");
        var schools = await world.SchoolUrnsAsync();
        var pupilId = await world.RegisterPupilAsync(schools[0], yearGroup: 5);
        var own = await server.TokenAsync("901", "SCHOOL_STAFF", schools[0]);
        var other = await server.TokenAsync("901", "SCHOOL_STAFF", schools[1]);

        var seen = await server.PostAsync(own, PupilQuery, new { id = pupilId });
        var hidden = await server.PostAsync(other, PupilQuery, new { id = pupilId });
        var referral = await server.PostAsync(other, """
            mutation($pupilId: ID!) { submitReferral(input: { pupilId: $pupilId, reason: "x", strategiesTried: ["y"] }) { id } }
            """, new { pupilId });
        var register = await server.PostAsync(other, """
            mutation($urn: String!) { registerPupil(input: { upn: "A901400123001", initials: "AB", dateOfBirth: "2015-01-01", yearGroup: 5, homeSchoolUrn: $urn, senProvision: NONE, lookedAfter: false }) { id } }
            """, new { urn = schools[0] });

        Assert.False(seen.HasErrors, seen.Body);
        Assert.NotNull(seen.Data.GetProperty("pupil").GetProperty("upn").GetString());
        Assert.Equal("NOT_FOUND", hidden.FirstErrorCode);
        Assert.Equal("NOT_FOUND", referral.FirstErrorCode);
        Assert.Equal("FORBIDDEN", register.FirstErrorCode);
    }

    [Fact]
    public async Task A_partner_never_sees_a_pupil()
    {
        var world = new PlacementWorld(server, "902");
        var schools = await world.SchoolUrnsAsync();
        var pupilId = await world.RegisterPupilAsync(schools[0], yearGroup: 3);
        var partner = await server.TokenAsync("902", "PARTNER");

        var byId = await server.PostAsync(partner, PupilQuery, new { id = pupilId });
        var throughSchool = await server.PostAsync(partner, "query($urn: String!) { school(urn: $urn) { pupils { id } } }", new { urn = schools[0] });

        Assert.Equal("NOT_FOUND", byId.FirstErrorCode);
        Assert.Equal("FORBIDDEN", throughSchool.FirstErrorCode);
    }

    [Fact]
    public async Task A_tenant_902_token_cannot_see_a_901_pupil_by_its_real_id()
    {
        var world = new PlacementWorld(server, "901");
        var pupilId = await world.RegisterPupilAsync((await world.SchoolUrnsAsync())[0], yearGroup: 6);

        var response = await server.PostAsync(await server.TokenAsync("902", "LA_OFFICER"), PupilQuery, new { id = pupilId });

        Assert.Equal("NOT_FOUND", response.FirstErrorCode);
    }

    [Fact]
    public async Task An_ap_sees_a_pupil_while_placed_there_and_not_after()
    {
        var world = new PlacementWorld(server, "901");
        var schoolUrn = (await world.SchoolUrnsAsync())[^1];
        var pupilId = await world.RegisterPupilAsync(schoolUrn, yearGroup: 9);
        var referral = await world.ReferAsync(pupilId, schoolUrn);
        var urn = await FirstSettingWithFullTimePlaceForKs3Async(world);
        var ap = await server.TokenAsync("901", "AP_STAFF", urn);
        var before = await server.PostAsync(ap, PupilQuery, new { id = pupilId });
        var start = await world.AdvancePastNoticeAsync(schoolUrn);
        var started = await world.StartAsync(referral, urn, start, fullTime: true, []);
        var placementId = started.Data.GetProperty("startPlacement").GetProperty("id").GetString();

        var during = await server.PostAsync(ap, PupilQuery, new { id = pupilId });
        var placements = await server.PostAsync(ap, "query($urn: String!) { apSetting(urn: $urn) { placements(status: ACTIVE) { id pupil { id } } } }", new { urn });
        var end = await world.AdvanceDaysAsync(3);
        var ended = await server.PostAsync(ap, "mutation($id: ID!, $on: Date!) { endPlacement(input: { placementId: $id, endDate: $on, outcome: RETURNED_TO_MAINSTREAM }) { status } }",
            new { id = placementId, on = PlacementWorld.Iso(end) });
        var after = await server.PostAsync(ap, PupilQuery, new { id = pupilId });

        Assert.Equal("NOT_FOUND", before.FirstErrorCode);
        Assert.False(during.HasErrors, during.Body);
        Assert.Contains(placements.Data.GetProperty("apSetting").GetProperty("placements").EnumerateArray(), p => p.GetProperty("id").GetString() == placementId);
        Assert.False(ended.HasErrors, ended.Body);
        Assert.Equal("NOT_FOUND", after.FirstErrorCode);
    }

    private async Task<string> FirstSettingWithFullTimePlaceForKs3Async(PlacementWorld world)
    {
        foreach (var urn in await server.ApSettingUrnsAsync(world.Tenant))
        {
            var setting = await world.SettingAsync(urn);
            if (setting.GetProperty("registered").GetBoolean() && setting.GetProperty("fullTimePlacesFree").GetInt32() > 0
                && setting.GetProperty("keyStages").EnumerateArray().Any(k => k.GetString() == "KS3")) return urn;
        }

        throw new InvalidOperationException("no setting fits");
    }
}
