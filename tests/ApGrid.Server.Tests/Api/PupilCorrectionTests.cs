using System.Text.Json;

namespace ApGrid.Server.Tests.Api;

/// <summary>updatePupil: corrections with registration's checks, kept with who, when and why, and only by those who may.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class PupilCorrectionTests(RunningServerFixture server)
{
    private const string Tenant = "901";

    private const string Update = """
        mutation($input: UpdatePupilInput!) {
          updatePupil(input: $input) { id yearGroup yearGroupOffset senProvision lookedAfter homePostcode dateOfBirth homeSchool { urn }
            corrections { by reason changes { field from to } } }
        }
        """;

    [Fact]
    public async Task A_school_corrects_its_pupil_and_the_history_shows_who_why_and_what_changed()
    {
        var (_, school, pupilId) = await PupilAsync();
        var staff = await server.TokenAsync(Tenant, "SCHOOL_STAFF", school);

        var response = await server.PostAsync(staff, Update, new { input = new { pupilId, senProvision = "EHC_PLAN", lookedAfter = true, homePostcode = "ne1 4st", yearGroupOffset = -1, reason = "Plan issued by another LA" } });

        Assert.False(response.HasErrors, response.Body);
        var pupil = response.Data.GetProperty("updatePupil");
        Assert.Equal("EHC_PLAN", pupil.GetProperty("senProvision").GetString());
        Assert.Equal("NE1 4ST", pupil.GetProperty("homePostcode").GetString());
        Assert.Equal(-1, pupil.GetProperty("yearGroupOffset").GetInt32());
        Assert.Equal(4, pupil.GetProperty("yearGroup").GetInt32());
        var correction = pupil.GetProperty("corrections").EnumerateArray().Single();
        Assert.Equal("Plan issued by another LA", correction.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(correction.GetProperty("by").GetString()));
        var changes = correction.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!, c => (c.GetProperty("from").GetString(), c.GetProperty("to").GetString()));
        Assert.Equal(("SEN_SUPPORT", "EHC_PLAN"), changes["senProvision"]);
        Assert.Equal(("false", "true"), changes["lookedAfter"]);
        Assert.Equal(("0", "-1"), changes["yearGroupOffset"]);
        Assert.Equal((null, "NE1 4ST"), changes["homePostcode"]);
        Assert.Equal(4, changes.Count);
    }

    [Theory]
    [InlineData("dateOfBirth", "reason")]
    [InlineData("yearGroupOffset", "yearGroupOffset")]
    [InlineData("homePostcode", "homePostcode")]
    public async Task A_bad_correction_is_refused_naming_the_field_and_changes_nothing(string what, string field)
    {
        var (world, _, pupilId) = await PupilAsync();
        var la = await world.LaAsync();
        var before = await ReadAsync(la, pupilId);
        object input = what switch
        {
            "dateOfBirth" => new { pupilId, dateOfBirth = "2016-01-02" },
            "yearGroupOffset" => new { pupilId, yearGroupOffset = 2 },
            _ => new { pupilId, homePostcode = "NOT A POSTCODE" },
        };

        var response = await server.PostAsync(la, Update, new { input });

        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Equal(field, response.FirstErrorField);
        Assert.Equal(before.GetRawText(), (await ReadAsync(la, pupilId)).GetRawText());
    }

    [Fact]
    public async Task A_date_of_birth_is_corrected_with_a_reason_and_the_year_group_follows_it()
    {
        var (world, _, pupilId) = await PupilAsync();
        var la = await world.LaAsync();
        var before = await ReadAsync(la, pupilId);
        var dateOfBirth = DateOnly.Parse(before.GetProperty("dateOfBirth").GetString()!, System.Globalization.CultureInfo.InvariantCulture).AddYears(-1);

        var response = await server.PostAsync(la, Update, new { input = new { pupilId, dateOfBirth = PlacementWorld.Iso(dateOfBirth), reason = "Birth certificate seen" } });

        Assert.False(response.HasErrors, response.Body);
        Assert.Equal(before.GetProperty("yearGroup").GetInt32() + 1, response.Data.GetProperty("updatePupil").GetProperty("yearGroup").GetInt32());
    }

    [Fact]
    public async Task Only_the_LA_and_the_home_school_may_correct_a_pupil_and_others_see_only_the_postcode_sector()
    {
        var (world, school, pupilId) = await PupilAsync();
        var la = await world.LaAsync();
        Assert.False((await server.PostAsync(la, Update, new { input = new { pupilId, homePostcode = "NE1 4ST" } })).HasErrors);
        var otherSchool = (await world.SchoolUrnsAsync()).First(u => u != school);

        var fromOtherSchool = await server.PostAsync(await server.TokenAsync(Tenant, "SCHOOL_STAFF", otherSchool), Update, new { input = new { pupilId, lookedAfter = true } });
        var fromOtherTenant = await server.PostAsync(await server.TokenAsync("902", "LA_OFFICER"), Update, new { input = new { pupilId, lookedAfter = true } });
        var fromPartner = await server.PostAsync(await server.TokenAsync(Tenant, "PARTNER"), Update, new { input = new { pupilId, lookedAfter = true } });

        Assert.Equal("NOT_FOUND", fromOtherSchool.FirstErrorCode);
        Assert.Equal("NOT_FOUND", fromOtherTenant.FirstErrorCode);
        Assert.NotNull(fromPartner.FirstErrorCode);
        Assert.False((await ReadAsync(la, pupilId)).GetProperty("lookedAfter").GetBoolean());

        // An AP placed with the pupil sees the sector, never the street, and none of the corrections.
        var settings = await server.PostAsync(la, "{ localAuthority { apSettings { urn keyStages } } }");
        var apUrn = settings.Data.GetProperty("localAuthority").GetProperty("apSettings").EnumerateArray()
            .First(s => s.GetProperty("keyStages").EnumerateArray().Any(k => k.GetString() == "KS2")).GetProperty("urn").GetString()!;
        await world.EnsureFreeSessionsAsync(apUrn, "MON_AM");
        var today = await world.TodayAsync();
        var started = await world.StartAsync(await world.ReferAsync(pupilId, school), apUrn, today.AddDays(14), fullTime: false, ["MON_AM"]);
        Assert.False(started.HasErrors, started.Body);
        var ap = await server.PostAsync(await server.TokenAsync(Tenant, "AP_STAFF", apUrn), "query($id: ID!) { pupil(id: $id) { homePostcode corrections { reason } } }", new { id = pupilId });
        Assert.False(ap.HasErrors, ap.Body);
        Assert.Equal("NE1 4", ap.Data.GetProperty("pupil").GetProperty("homePostcode").GetString());
        Assert.Empty(ap.Data.GetProperty("pupil").GetProperty("corrections").EnumerateArray());
        var nested = await server.PostAsync(await server.TokenAsync(Tenant, "AP_STAFF", apUrn), """
            query($urn: String!) { apSetting(urn: $urn) { placements(status: ACTIVE) { pupil { ...Home } } } }
            fragment Home on Pupil { id homePostcode corrections { reason } }
            """, new { urn = apUrn });
        Assert.False(nested.HasErrors, nested.Body);
        var viaSetting = nested.Data.GetProperty("apSetting").GetProperty("placements").EnumerateArray().Select(p => p.GetProperty("pupil")).Single(p => p.GetProperty("id").GetString() == pupilId);
        Assert.Equal("NE1 4", viaSetting.GetProperty("homePostcode").GetString());
        Assert.Empty(viaSetting.GetProperty("corrections").EnumerateArray());
        Assert.DoesNotContain("NE1 4ST", nested.Body, StringComparison.Ordinal);
        var apUpdate = await server.PostAsync(await server.TokenAsync(Tenant, "AP_STAFF", apUrn), Update, new { input = new { pupilId, lookedAfter = true } });
        Assert.Equal("FORBIDDEN", apUpdate.FirstErrorCode);
    }

    [Fact]
    public async Task A_pupil_moves_to_a_PRU_roll_whose_staff_then_act_as_the_home_school_and_the_former_school_loses_sight()
    {
        var (world, school, pupilId) = await PupilAsync();
        var la = await world.LaAsync();
        var pru = (await server.ApSettingUrnsAsync(Tenant))[^1];

        var moved = await server.PostAsync(la, Update, new { input = new { pupilId, homeSchoolUrn = pru, reason = "Permanently excluded; on the PRU's roll" } });

        Assert.False(moved.HasErrors, moved.Body);
        Assert.Equal(pru, moved.Data.GetProperty("updatePupil").GetProperty("homeSchool").GetProperty("urn").GetString());
        var pruStaff = await server.TokenAsync(Tenant, "AP_STAFF", pru);
        var seenByPru = await server.PostAsync(pruStaff, Update, new { input = new { pupilId, lookedAfter = true } });
        Assert.False(seenByPru.HasErrors, seenByPru.Body);
        var former = await server.PostAsync(await server.TokenAsync(Tenant, "SCHOOL_STAFF", school), "query($id: ID!) { pupil(id: $id) { id } }", new { id = pupilId });
        Assert.Equal("NOT_FOUND", former.FirstErrorCode);
        var roll = await server.PostAsync(await server.TokenAsync(Tenant, "SCHOOL_STAFF", school), "query($urn: String!) { school(urn: $urn) { pupils { id } } }", new { urn = school });
        Assert.DoesNotContain(roll.Data.GetProperty("school").GetProperty("pupils").EnumerateArray(), p => p.GetProperty("id").GetString() == pupilId);

        var nowhere = await server.PostAsync(la, Update, new { input = new { pupilId, homeSchoolUrn = "999999" } });
        Assert.Equal("NOT_FOUND", nowhere.FirstErrorCode);
        Assert.Equal("homeSchoolUrn", nowhere.FirstErrorField);
    }

    private async Task<(PlacementWorld World, string School, string PupilId)> PupilAsync()
    {
        var world = new PlacementWorld(server, Tenant);
        var school = (await world.SchoolUrnsAsync())[3];
        return (world, school, await world.RegisterPupilAsync(school, yearGroup: 5));
    }

    private async Task<JsonElement> ReadAsync(string token, string pupilId)
    {
        var response = await server.PostAsync(token, "query($id: ID!) { pupil(id: $id) { yearGroup yearGroupOffset dateOfBirth senProvision lookedAfter homePostcode corrections { reason } } }", new { id = pupilId });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("pupil");
    }
}
