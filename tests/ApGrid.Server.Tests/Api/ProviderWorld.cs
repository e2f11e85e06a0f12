using System.Text.Json;

namespace ApGrid.Server.Tests.Api;

/// <summary>Provider assurance steps through the public API, as the LA and a provider's staff would take them.</summary>
internal sealed class ProviderWorld(RunningServerFixture server, PlacementWorld world)
{
    private readonly List<string> mine = [];

    public const string AssuranceQuery = """
        query($urn: String!) { providerAssurance(urn: $urn) {
          version standing { status rag reasons commissionable approvalRequired lapsed { item validUntil description } expiringSoon { item validUntil } }
          dueDiligence { dslName insuranceExpires visits { on by findings rag } concerns { summary } }
          decision { decision reason approvedUntil }
          history { version by role change note }
          overrides { pupilId reason }
          activePlacements { placementId pupilId week overTimeLimit forReview extendedUntil }
        } }
        """;

    /// <summary>A new non-school provider (the LA's reference for a urn) serving KS3 and KS4, with two places in every session.</summary>
    public async Task<string> CreateNonSchoolProviderAsync(string name = "Forest Skills CIC")
    {
        var la = await world.LaAsync();
        var created = await server.PostAsync(la, """
            mutation($input: ApSettingProfileInput!) { createApSetting(input: $input) { urn localReference standing { status } } }
            """, new
        {
            input = new
            {
                name,
                type = "UNREGISTERED_PROVIDER",
                keyStages = new[] { "KS3", "KS4" },
                specialisms = new[] { "SEMH" },
                latitude = 52.95,
                longitude = -1.15,
                address = "Unit 4, Canal Yard",
                postcode = "NG1 1AA",
                contacts = new[] { new { name = "Sam Patel", role = "Designated safeguarding lead", email = "sam@forest.example", phone = (string?)null } },
            },
        });
        Assert.False(created.HasErrors, created.Body);
        var setting = created.Data.GetProperty("createApSetting");
        Assert.True(setting.GetProperty("localReference").GetBoolean());
        Assert.Equal("NOT_APPROVED", setting.GetProperty("standing").GetProperty("status").GetString());
        var urn = setting.GetProperty("urn").GetString()!;
        mine.Add(urn);
        var availability = await server.PostAsync(la, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn } }", new
        {
            input = new { urn, fullTimePlaces = 0, sessions = ApGrid.Domain.Sessions.All.Select(s => new { session = SessionName(s), places = 2 }).ToArray(), outreachHoursPerWeek = 0.0 },
        });
        Assert.False(availability.HasErrors, availability.Body);
        return urn;
    }

    /// <summary>
    /// Takes the free places of the providers this world created away, so the shared tenant's other
    /// tests, which pick any setting with room, never pick a provider made for a refusal here.
    /// </summary>
    public async Task RetireAsync()
    {
        var la = await world.LaAsync();
        foreach (var urn in mine)
        {
            var setting = await world.SettingAsync(urn);
            var retired = await server.PostAsync(la, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn } }", new
            {
                input = new
                {
                    urn,
                    fullTimePlaces = setting.GetProperty("fullTimePlaces").GetInt32() - setting.GetProperty("fullTimePlacesFree").GetInt32(),
                    sessions = setting.GetProperty("sessions").EnumerateArray()
                        .Select(x => new { session = x.GetProperty("session").GetString(), places = x.GetProperty("places").GetInt32() - x.GetProperty("free").GetInt32() }).ToArray(),
                    outreachHoursPerWeek = 0.0,
                },
            });
            Assert.False(retired.HasErrors, retired.Body);
        }
    }

    /// <summary>Due diligence with every essential, checked today, then approval.</summary>
    public async Task<JsonElement> ApproveAsync(string urn, DateOnly? insuranceExpires = null)
    {
        var today = await world.TodayAsync();
        await RecordAsync(urn, insuranceExpires ?? today.AddDays(200));
        return await DecideAsync(urn, "APPROVED", null);
    }

    public async Task<JsonElement> RecordAsync(string urn, DateOnly insuranceExpires, string[]? concerns = null)
    {
        var today = await world.TodayAsync();
        var response = await server.PostAsync(await world.LaAsync(), """
            mutation($input: DueDiligenceInput!) { recordDueDiligence(input: $input) { version } }
            """, new
        {
            input = new
            {
                urn,
                dslName = "Sam Patel",
                dslTrainedOn = PlacementWorld.Iso(today.AddDays(-40)),
                vettingConfirmedOn = PlacementWorld.Iso(today),
                vettingConfirmedBy = "QA officer",
                safeguardingPolicyOn = PlacementWorld.Iso(today.AddDays(-20)),
                insuranceExpires = PlacementWorld.Iso(insuranceExpires),
                registeredSchool = false,
                visits = new[] { new { on = PlacementWorld.Iso(today), by = "QA officer", findings = "Safe site; staff knew the pupils", rag = "GREEN" } },
                concerns = (concerns ?? []).Select(c => new { raisedOn = PlacementWorld.Iso(today), raisedBy = "Home school", summary = c }).ToArray(),
                themes = new[] { new { theme = "SAFEGUARDING_AND_WELFARE", judgement = "MET", evidence = "Single central record seen" } },
            },
        });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("recordDueDiligence");
    }

    public async Task<JsonElement> DecideAsync(string urn, string decision, string? reason)
    {
        var response = await server.PostAsync(await world.LaAsync(), """
            mutation($input: DecideProviderApprovalInput!) { decideProviderApproval(input: $input) { standing { status rag } decision { decision approvedUntil } } }
            """, new { input = new { urn, decision, reason } });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("decideProviderApproval");
    }

    public async Task<JsonElement> AssuranceAsync(string urn)
    {
        var response = await server.PostAsync(await world.LaAsync(), AssuranceQuery, new { urn });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("providerAssurance");
    }

    /// <summary>A Year 8 pupil of a school, referred, consented and approved by the panel, with the notice passed; returns the referral and the start day.</summary>
    public async Task<(string PupilId, string Referral, DateOnly Start)> ReferralAsync()
    {
        var school = (await world.SchoolUrnsAsync())[^1];
        var pupilId = await world.RegisterPupilAsync(school, 8);
        var referral = await world.ReferAsync(pupilId, school);
        var start = await world.AdvancePastNoticeAsync(school);
        return (pupilId, referral, start);
    }

    public static string SessionName(ApGrid.Domain.Session session) => session switch
    {
        ApGrid.Domain.Session.MonAm => "MON_AM", ApGrid.Domain.Session.MonPm => "MON_PM",
        ApGrid.Domain.Session.TueAm => "TUE_AM", ApGrid.Domain.Session.TuePm => "TUE_PM",
        ApGrid.Domain.Session.WedAm => "WED_AM", ApGrid.Domain.Session.WedPm => "WED_PM",
        ApGrid.Domain.Session.ThuAm => "THU_AM", ApGrid.Domain.Session.ThuPm => "THU_PM",
        ApGrid.Domain.Session.FriAm => "FRI_AM", _ => "FRI_PM",
    };
}
