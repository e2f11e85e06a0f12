namespace ApGrid.Server.Tests.Api;

/// <summary>What each role may read and change of what the foundation serves, and the lines it may not cross.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class AuthorizationTests(RunningServerFixture server)
{
    private const string SetAvailability = """
        mutation($urn: String!, $places: Int!) {
          setApAvailability(input: { urn: $urn, fullTimePlaces: $places, sessions: [
              { session: MON_AM, places: 9 }, { session: MON_PM, places: 9 }, { session: TUE_AM, places: 9 }, { session: TUE_PM, places: 9 },
              { session: WED_AM, places: 9 }, { session: WED_PM, places: 9 }, { session: THU_AM, places: 9 }, { session: THU_PM, places: 9 },
              { session: FRI_AM, places: 9 }, { session: FRI_PM, places: 9 }], outreachHoursPerWeek: 6 }) {
            urn fullTimePlaces fullTimePlacesFree sessions { session places free }
          }
        }
        """;

    [Fact]
    public async Task Another_tenants_setting_is_not_found_even_by_its_real_urn()
    {
        var urn901 = (await server.ApSettingUrnsAsync("901"))[0];
        var token902 = await server.TokenAsync("902", "LA_OFFICER");

        var read = await server.PostAsync(token902, "query($urn: String!) { apSetting(urn: $urn) { name } }", new { urn = urn901 });
        var change = await server.PostAsync(token902, SetAvailability, new { urn = urn901, places = 1 });

        Assert.Equal("NOT_FOUND", read.FirstErrorCode);
        Assert.Equal("NOT_FOUND", change.FirstErrorCode);
        var la901 = await server.TokenAsync("901", "LA_OFFICER");
        var still = await server.PostAsync(la901, "query($urn: String!) { apSetting(urn: $urn) { urn } }", new { urn = urn901 });
        Assert.False(still.HasErrors, still.Body);
    }

    [Fact]
    public async Task Another_tenants_special_school_is_not_found()
    {
        var la901 = await server.TokenAsync("901", "LA_OFFICER");
        var special = await server.PostAsync(la901, "{ localAuthority { specialSchools { urn } } }");
        var urn = special.Data.GetProperty("localAuthority").GetProperty("specialSchools")[0].GetProperty("urn").GetString();
        var partner902 = await server.TokenAsync("902", "PARTNER");

        var response = await server.PostAsync(partner902, "query($urn: String!) { specialSchool(urn: $urn) { name } }", new { urn });

        Assert.Equal("NOT_FOUND", response.FirstErrorCode);
    }

    [Fact]
    public async Task Ap_staff_change_their_own_setting_and_nobody_elses()
    {
        var urns = await server.ApSettingUrnsAsync("902");
        var own = await server.TokenAsync("902", "AP_STAFF", urns[0]);

        var allowed = await server.PostAsync(own, SetAvailability, new { urn = urns[0], places = 45 });
        var refused = await server.PostAsync(own, SetAvailability, new { urn = urns[1], places = 0 });

        Assert.False(allowed.HasErrors, allowed.Body);
        Assert.Equal(45, allowed.Data.GetProperty("setApAvailability").GetProperty("fullTimePlaces").GetInt32());
        Assert.Equal("FORBIDDEN", refused.FirstErrorCode);
    }

    [Theory]
    [InlineData("PARTNER", null)]
    [InlineData("SCHOOL_STAFF", "100001")]
    [InlineData("SPECIAL_SCHOOL_STAFF", "120001")]
    public async Task Other_roles_may_read_capacity_but_not_change_it(string role, string? actsFor)
    {
        var urn = (await server.ApSettingUrnsAsync("901"))[2];
        var token = await server.TokenAsync("901", role, actsFor);

        var read = await server.PostAsync(token, "{ apCapacity { setting { urn fullTimePlacesFree } } }");
        var change = await server.PostAsync(token, SetAvailability, new { urn, places = 0 });

        Assert.False(read.HasErrors, read.Body);
        Assert.Equal((await server.ApSettingUrnsAsync("901")).Count, read.Data.GetProperty("apCapacity").GetArrayLength());
        Assert.Equal("FORBIDDEN", change.FirstErrorCode);
    }

    [Fact]
    public async Task Special_school_places_change_only_by_the_la_or_that_school()
    {
        var la = await server.TokenAsync("902", "LA_OFFICER");
        var schools = await server.PostAsync(la, "{ localAuthority { specialSchools { urn places placesFree } } }");
        var first = schools.Data.GetProperty("localAuthority").GetProperty("specialSchools")[0];
        var urn = first.GetProperty("urn").GetString()!;
        var places = first.GetProperty("places").GetInt32();
        var other = await server.TokenAsync("902", "SPECIAL_SCHOOL_STAFF", "999999");
        const string mutation = "mutation($urn: String!, $places: Int!) { setSpecialSchoolPlaces(urn: $urn, places: $places) { places placesFree } }";

        var refused = await server.PostAsync(other, mutation, new { urn, places = places + 5 });
        var allowed = await server.PostAsync(la, mutation, new { urn, places = places + 5 });

        Assert.Equal("FORBIDDEN", refused.FirstErrorCode);
        Assert.Equal(places + 5, allowed.Data.GetProperty("setSpecialSchoolPlaces").GetProperty("places").GetInt32());
    }

    [Fact]
    public async Task Bad_availability_names_the_field_and_changes_nothing()
    {
        var urn = (await server.ApSettingUrnsAsync("901"))[3];
        var la = await server.TokenAsync("901", "LA_OFFICER");
        var before = await server.PostAsync(la, "query($urn: String!) { apSetting(urn: $urn) { fullTimePlaces updatedAt } }", new { urn });

        var response = await server.PostAsync(la, SetAvailability, new { urn, places = -1 });

        Assert.Equal(("VALIDATION", "fullTimePlaces"), (response.FirstErrorCode, response.FirstErrorField));
        var after = await server.PostAsync(la, "query($urn: String!) { apSetting(urn: $urn) { fullTimePlaces updatedAt } }", new { urn });
        Assert.Equal(before.Data.GetRawText(), after.Data.GetRawText());
    }
}
