using System.Text.Json;

namespace ApGrid.Server.Tests.Api;

/// <summary>Each rule that refuses a placement: the code, the field or rule, and that nothing changed.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class PlacementRefusalTests(RunningServerFixture server)
{
    [Fact]
    public async Task Without_parental_consent_a_placement_is_consent_required()
    {
        var (world, urn, referral, start) = await ReferralAsync("901", yearGroup: 8, consent: false);

        await AssertRefusedAsync(world, urn, referral, start, "CONSENT_REQUIRED", "referralId");
    }

    [Fact]
    public async Task A_referral_the_panel_has_not_approved_cannot_start_a_placement()
    {
        var (world, urn, referral, start) = await ReferralAsync("901", yearGroup: 8, approve: false);

        await AssertRefusedAsync(world, urn, referral, start, "CONFLICT", "referralId");
    }

    [Fact]
    public async Task A_start_inside_the_two_school_day_notice_is_refused()
    {
        var (world, urn, referral, _) = await ReferralAsync("902", yearGroup: 8, pastNotice: false);

        await AssertRefusedAsync(world, urn, referral, await world.TodayAsync(), "VALIDATION", "startDate");
    }

    [Fact]
    public async Task A_setting_that_does_not_serve_the_pupils_key_stage_is_refused()
    {
        var world = new PlacementWorld(server, "901");
        var urn = await SettingAsync(world, s => !s.GetProperty("keyStages").EnumerateArray().Any(k => k.GetString() == "KS1") && s.GetProperty("fullTimePlacesFree").GetInt32() > 0);
        var (_, _, referral, start) = await ReferralAsync("901", yearGroup: 1);

        await AssertRefusedAsync(world, urn, referral, start, "VALIDATION", "apUrn");
    }

    [Fact]
    public async Task An_unregistered_provider_never_gets_a_full_time_pupil_with_an_ehc_plan()
    {
        var world = new PlacementWorld(server, "902");
        var urn = await SettingAsync(world, s => !s.GetProperty("registered").GetBoolean());
        var setting = await world.SettingAsync(urn);
        var la = await world.LaAsync();
        var keyStage = setting.GetProperty("keyStages")[0].GetString()!;
        var yearGroup = keyStage switch { "KS1" => 2, "KS2" => 5, "KS3" => 8, _ => 10 };
        // Give it a free full-time place, so only the registration rule can refuse.
        var make = await server.PostAsync(la, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { fullTimePlacesFree } }", new
        {
            input = new
            {
                urn,
                fullTimePlaces = setting.GetProperty("fullTimePlaces").GetInt32() + 1,
                sessions = setting.GetProperty("sessions").EnumerateArray().Select(s => new { session = s.GetProperty("session").GetString(), places = s.GetProperty("places").GetInt32() }).ToArray(),
                outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble(),
            },
        });
        Assert.False(make.HasErrors, make.Body);
        var (_, _, referral, start) = await ReferralAsync("902", yearGroup, sen: "EHC_PLAN");
        var before = await world.SettingAsync(urn);

        // On s19 for a child who cannot attend school, so the home-school sessions rule does not
        // answer first: the registration rule refuses it on every route.
        var response = await world.ArrangeAsync(la, PlacementWorld.Arrangement(referral[..referral.LastIndexOf('.')], "S19_HEALTH_OR_OTHER", urn, start, [], fullTime: true));

        Assert.Equal(("VALIDATION", "apUrn"), (response.FirstErrorCode, response.FirstErrorField));
        Assert.Equal(before.GetRawText(), (await world.SettingAsync(urn)).GetRawText());
    }

    [Fact]
    public async Task A_review_out_of_range_names_its_field_and_changes_nothing()
    {
        var world = new PlacementWorld(server, "901");
        var urn = await SettingAsync(world, s => s.GetProperty("keyStages").EnumerateArray().Any(k => k.GetString() == "KS3") && s.GetProperty("fullTimePlacesFree").GetInt32() > 0);
        var (_, _, referral, start) = await ReferralAsync("901", yearGroup: 8);
        var started = await world.StartAsync(referral, urn, start, fullTime: true, []);
        var placementId = started.Data.GetProperty("startPlacement").GetProperty("id").GetString();
        var la = await world.LaAsync();

        var response = await server.PostAsync(la, """
            mutation($id: ID!, $on: Date!) { recordPlacementReview(input: { placementId: $id, date: $on, attendancePercent: 90, suspensions: 0, participation: 6, wellbeing: 3 }) { reviews { date } } }
            """, new { id = placementId, on = PlacementWorld.Iso(start) });

        Assert.Equal(("VALIDATION", "participation"), (response.FirstErrorCode, response.FirstErrorField));
        var pupil = await server.PostAsync(la, "query($id: ID!) { pupil(id: $id) { currentPlacement { reviews { date } } } }",
            new { id = started.Data.GetProperty("startPlacement").GetProperty("pupil").GetProperty("id").GetString() });
        Assert.Equal(0, pupil.Data.GetProperty("pupil").GetProperty("currentPlacement").GetProperty("reviews").GetArrayLength());
    }

    [Fact]
    public async Task A_second_placement_at_the_same_setting_is_a_conflict()
    {
        var world = new PlacementWorld(server, "901");
        var urn = await SettingAsync(world, s => s.GetProperty("keyStages").EnumerateArray().Any(k => k.GetString() == "KS3") && s.GetProperty("fullTimePlacesFree").GetInt32() > 1);
        var schoolUrn = (await world.SchoolUrnsAsync())[^3];
        var pupilId = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8);
        var first = await world.ReferAsync(pupilId, schoolUrn);
        var start = await world.AdvancePastNoticeAsync(schoolUrn);
        Assert.False((await world.StartAsync(first, urn, start, fullTime: true, [])).HasErrors);
        var second = await world.ReferAsync(pupilId, schoolUrn);
        var before = await world.SettingAsync(urn);

        var response = await world.StartAsync(second, urn, start, fullTime: true, []);

        Assert.Equal(("CONFLICT", "apUrn"), (response.FirstErrorCode, response.FirstErrorField));
        Assert.Equal(before.GetRawText(), (await world.SettingAsync(urn)).GetRawText());
    }

    [Fact]
    public async Task A_second_placement_elsewhere_may_not_take_a_session_the_first_holds()
    {
        var world = new PlacementWorld(server, "901");
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[^3];
        var pupilId = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8);
        var first = await world.SettingAsync(school: true, "KS3");
        var second = await world.SettingAsync(school: false, "KS3");
        await world.EnsureFreeSessionsAsync(first, "MON_AM", "TUE_AM");
        await world.EnsureFreeSessionsAsync(second, "TUE_AM", "WED_AM");
        var today = await world.TodayAsync();
        Assert.False((await world.ArrangeAsync(la, PlacementWorld.Arrangement(pupilId, "S19_HEALTH_OR_OTHER", first, today, ["MON_AM", "TUE_AM"]))).HasErrors);
        var before = await world.SettingAsync(second);

        var clash = await world.ArrangeAsync(la, PlacementWorld.Arrangement(pupilId, "S19_HEALTH_OR_OTHER", second, today, ["TUE_AM", "WED_AM"]));

        Assert.Equal(("CONFLICT", "sessions"), (clash.FirstErrorCode, clash.FirstErrorField));
        Assert.Contains("Tuesday morning (TUE_AM)", clash.FirstErrorMessage);
        Assert.Equal(before.GetRawText(), (await world.SettingAsync(second)).GetRawText());
        Assert.False((await world.ArrangeAsync(la, PlacementWorld.Arrangement(pupilId, "S19_HEALTH_OR_OTHER", second, today, ["WED_AM"]))).HasErrors);
    }

    [Fact]
    public async Task A_upn_already_registered_in_the_la_is_refused()
    {
        var world = new PlacementWorld(server, "902");
        var schoolUrn = (await world.SchoolUrnsAsync())[1];
        var la = await world.LaAsync();
        var existing = await world.RegisterPupilAsync(schoolUrn, yearGroup: 6);
        var upn = (await server.PostAsync(la, "query($id: ID!) { pupil(id: $id) { upn dateOfBirth } }", new { id = existing })).Data.GetProperty("pupil");

        var again = await server.PostAsync(la, """
            mutation($upn: String!, $dob: Date!, $urn: String!) { registerPupil(input: { upn: $upn, initials: "ZZ", dateOfBirth: $dob, yearGroup: 6, homeSchoolUrn: $urn, senProvision: NONE, lookedAfter: false }) { id } }
            """, new { upn = upn.GetProperty("upn").GetString(), dob = upn.GetProperty("dateOfBirth").GetString(), urn = schoolUrn });

        Assert.Equal(("VALIDATION", "upn"), (again.FirstErrorCode, again.FirstErrorField));
    }

    [Fact]
    public async Task A_referral_without_a_strategy_tried_is_refused()
    {
        var world = new PlacementWorld(server, "901");
        var schoolUrn = (await world.SchoolUrnsAsync())[2];
        var pupilId = await world.RegisterPupilAsync(schoolUrn, yearGroup: 4);

        var response = await server.PostAsync(await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn), """
            mutation($pupilId: ID!) { submitReferral(input: { pupilId: $pupilId, reason: "Struggling", strategiesTried: [] }) { id } }
            """, new { pupilId });

        Assert.Equal(("VALIDATION", "strategiesTried"), (response.FirstErrorCode, response.FirstErrorField));
        var pupil = await server.PostAsync(await world.LaAsync(), "query($id: ID!) { pupil(id: $id) { referrals { id } } }", new { id = pupilId });
        Assert.Equal(0, pupil.Data.GetProperty("pupil").GetProperty("referrals").GetArrayLength());
    }

    [Fact]
    public async Task A_full_time_placement_is_single_registered_and_an_overdue_review_shows()
    {
        var world = new PlacementWorld(server, "901");
        var urn = await SettingAsync(world, s => s.GetProperty("registered").GetBoolean() && s.GetProperty("keyStages").EnumerateArray().Any(k => k.GetString() == "KS3") && s.GetProperty("fullTimePlacesFree").GetInt32() > 0);
        var (_, _, referral, start) = await ReferralAsync("901", yearGroup: 8);
        var started = await world.StartAsync(referral, urn, start, fullTime: true, []);
        Assert.Equal("SINGLE", started.Data.GetProperty("startPlacement").GetProperty("apRegistration").GetString());
        var placementId = started.Data.GetProperty("startPlacement").GetProperty("id").GetString();

        var due = DateOnly.Parse(started.Data.GetProperty("startPlacement").GetProperty("nextReviewDue").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        await world.AdvanceDaysAsync(due.DayNumber - start.DayNumber + 1);
        var placements = await server.PostAsync(await world.LaAsync(), "query($urn: String!) { apSetting(urn: $urn) { placements(status: ACTIVE) { id reviewOverdue nextReviewDue } } }", new { urn });

        var placement = placements.Data.GetProperty("apSetting").GetProperty("placements").EnumerateArray().Single(p => p.GetProperty("id").GetString() == placementId);
        Assert.True(placement.GetProperty("reviewOverdue").GetBoolean());
    }

    private async Task<(PlacementWorld World, string Urn, string Referral, DateOnly Start)> ReferralAsync(
        string tenant, int yearGroup, bool consent = true, bool approve = true, string sen = "SEN_SUPPORT", bool pastNotice = true)
    {
        var world = new PlacementWorld(server, tenant);
        var schoolUrn = (await world.SchoolUrnsAsync())[^3];
        var referral = await world.ReferAsync(await world.RegisterPupilAsync(schoolUrn, yearGroup, sen), schoolUrn, consent, approve);
        var urn = (await server.ApSettingUrnsAsync(tenant))[0];
        var start = pastNotice ? await world.AdvancePastNoticeAsync(schoolUrn) : await world.TodayAsync();
        return (world, urn, referral, start);
    }

    private async Task<string> SettingAsync(PlacementWorld world, Func<JsonElement, bool> predicate)
    {
        foreach (var urn in await server.ApSettingUrnsAsync(world.Tenant))
        {
            if (predicate(await world.SettingAsync(urn))) return urn;
        }

        throw new InvalidOperationException("no demo setting fits");
    }

    private async Task AssertRefusedAsync(PlacementWorld world, string urn, string referral, DateOnly start, string code, string field)
    {
        var before = await world.SettingAsync(urn);

        var response = await world.StartAsync(referral, urn, start, fullTime: true, []);

        Assert.Equal((code, field), (response.FirstErrorCode, response.FirstErrorField));
        Assert.Equal(before.GetRawText(), (await world.SettingAsync(urn)).GetRawText());
        var la = await world.LaAsync();
        var pupil = await server.PostAsync(la, "query($id: ID!) { pupil(id: $id) { placements { id } referrals { id status } } }", new { id = referral[..referral.LastIndexOf('.')] });
        Assert.Equal(0, pupil.Data.GetProperty("pupil").GetProperty("placements").GetArrayLength());
        Assert.NotEqual("PLACED", pupil.Data.GetProperty("pupil").GetProperty("referrals")[0].GetProperty("status").GetString());
    }
}
