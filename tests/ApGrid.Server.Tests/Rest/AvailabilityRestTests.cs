using System.Text.Json;
using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Rest;

/// <summary>PUT /api/v1/ap-settings/{urn}/availability: the rules of GraphQL's setApAvailability, as problem details.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class AvailabilityRestTests(RunningServerFixture server)
{
    [Fact]
    public async Task The_la_and_the_settings_own_staff_change_it_and_reads_show_the_change()
    {
        var urn = (await server.ApSettingUrnsAsync("901"))[1];
        var before = await ReadAsync(urn);
        var own = await server.TokenAsync("901", "AP_STAFF", urn);
        var la = await server.TokenAsync("901", "LA_OFFICER");

        var byStaff = await server.PutAsync(own, $"/api/v1/ap-settings/{urn}/availability", Body(before, outreachHoursPerWeek: 17.5));
        var afterStaff = await ReadAsync(urn);
        var byLa = await server.PutAsync(la, $"/api/v1/ap-settings/{urn}/availability", Body(before));
        var afterLa = await ReadAsync(urn);

        Assert.Equal(200, byStaff.Status);
        Assert.Equal(17.5, byStaff.Json.GetProperty("outreachHoursPerWeek").GetDouble());
        Assert.Equal(17.5, afterStaff.GetProperty("outreachHoursPerWeek").GetDouble());
        Assert.Equal(200, byLa.Status);
        Assert.Equal(before.GetProperty("outreachHoursPerWeek").GetDouble(), afterLa.GetProperty("outreachHoursPerWeek").GetDouble());
    }

    [Theory]
    [InlineData("AP_STAFF", true)]
    [InlineData("SCHOOL_STAFF", false)]
    [InlineData("SPECIAL_SCHOOL_STAFF", false)]
    [InlineData("PARTNER", false)]
    public async Task Other_roles_and_other_settings_staff_are_forbidden_and_nothing_changes(string role, bool ofAnotherSetting)
    {
        var urns = await server.ApSettingUrnsAsync("901");
        var urn = urns[2];
        var tokenUrn = role == "PARTNER" ? null : ofAnotherSetting ? urns[3] : await SettingUrnForAsync(role);
        var token = await server.TokenAsync("901", role, tokenUrn);
        var before = await ReadAsync(urn);

        var response = await server.PutAsync(token, $"/api/v1/ap-settings/{urn}/availability", Body(before, outreachHoursPerWeek: 99));

        Assert.Equal(403, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal("FORBIDDEN", response.ProblemCode);
        Assert.Equal(before.GetRawText(), (await ReadAsync(urn)).GetRawText());
    }

    [Fact]
    public async Task Another_tenants_la_finds_no_such_setting_and_nothing_changes()
    {
        var urn = (await server.ApSettingUrnsAsync("901"))[2];
        var before = await ReadAsync(urn);
        var la902 = await server.TokenAsync("902", "LA_OFFICER");
        var staffClaimingIt = await server.TokenAsync("902", "AP_STAFF", urn);

        var byLa = await server.PutAsync(la902, $"/api/v1/ap-settings/{urn}/availability", Body(before, outreachHoursPerWeek: 99));
        var byStaff = await server.PutAsync(staffClaimingIt, $"/api/v1/ap-settings/{urn}/availability", Body(before, outreachHoursPerWeek: 99));

        Assert.Equal(404, byLa.Status);
        Assert.Equal("NOT_FOUND", byLa.ProblemCode);
        Assert.Equal(404, byStaff.Status);
        Assert.Equal(before.GetRawText(), (await ReadAsync(urn)).GetRawText());
    }

    [Theory]
    [InlineData("""{"sessions":[],"outreachHoursPerWeek":1}""", 400, "fullTimePlaces")]
    [InlineData("""{"fullTimePlaces":3,"outreachHoursPerWeek":1}""", 400, "sessions")]
    [InlineData("""{"fullTimePlaces":3,"sessions":[]}""", 400, "outreachHoursPerWeek")]
    [InlineData("""{"fullTimePlaces":"three","sessions":[],"outreachHoursPerWeek":1}""", 400, "fullTimePlaces")]
    [InlineData("""{"fullTimePlaces":3,"sessions":[{"session":"SAT_AM","places":1}],"outreachHoursPerWeek":1}""", 400, "sessions[0].session")]
    [InlineData("""{"fullTimePlaces":3,"sessions":[{"session":"MON_AM","places":1},{"session":"MON_PM","places":"x"}],"outreachHoursPerWeek":1}""", 400, "sessions[1].places")]
    [InlineData("""{"fullTimePlaces":3,"sessions":[{"session":"MON_AM"}],"outreachHoursPerWeek":1}""", 400, "sessions[0].places")]
    [InlineData("not json", 400, "body")]
    [InlineData("""{"fullTimePlaces":-1,"sessions":[],"outreachHoursPerWeek":1}""", 422, "fullTimePlaces")]
    public async Task Bad_input_is_a_problem_naming_the_field_and_nothing_changes(string body, int status, string field)
    {
        var urn = (await server.ApSettingUrnsAsync("901"))[4];
        var before = await ReadAsync(urn);
        var la = await server.TokenAsync("901", "LA_OFFICER");

        var response = await server.PutAsync(la, $"/api/v1/ap-settings/{urn}/availability", body);

        Assert.Equal(status, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal("VALIDATION", response.ProblemCode);
        Assert.Equal(field, response.ProblemField);
        Assert.Equal(before.GetRawText(), (await ReadAsync(urn)).GetRawText());
    }

    [Fact]
    public async Task Places_below_those_in_use_are_a_409_conflict()
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");
        var list = await server.GetAsync(la, "/api/v1/ap-settings");
        var busy = list.Json.EnumerateArray().First(s => s.GetProperty("sessions").EnumerateArray().Any(c => c.GetProperty("free").GetInt32() < c.GetProperty("places").GetInt32()));
        var urn = busy.GetProperty("urn").GetString()!;

        var response = await server.PutAsync(la, $"/api/v1/ap-settings/{urn}/availability",
            JsonSerializer.Serialize(new { fullTimePlaces = busy.GetProperty("fullTimePlaces").GetInt32(), sessions = Array.Empty<object>(), outreachHoursPerWeek = busy.GetProperty("outreachHoursPerWeek").GetDouble() }));

        Assert.Equal(409, response.Status);
        Assert.Equal("CONFLICT", response.ProblemCode);
    }

    private async Task<JsonElement> ReadAsync(string urn)
    {
        var response = await server.GetAsync(await server.TokenAsync("901", "LA_OFFICER"), $"/api/v1/ap-settings/{urn}");
        Assert.Equal(200, response.Status);
        return response.Json;
    }

    private async Task<string> SettingUrnForAsync(string role)
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");
        var field = role == "SCHOOL_STAFF" ? "schools" : "specialSchools";
        var response = await server.PostAsync(la, $"{{ localAuthority {{ {field} {{ urn }} }} }}");
        return response.Data.GetProperty("localAuthority").GetProperty(field)[0].GetProperty("urn").GetString()!;
    }

    private static string Body(JsonElement setting, double? outreachHoursPerWeek = null) => JsonSerializer.Serialize(new
    {
        fullTimePlaces = setting.GetProperty("fullTimePlaces").GetInt32(),
        sessions = setting.GetProperty("sessions").EnumerateArray()
            .Select(s => new { session = s.GetProperty("session").GetString(), places = s.GetProperty("places").GetInt32() }).ToArray(),
        outreachHoursPerWeek = outreachHoursPerWeek ?? setting.GetProperty("outreachHoursPerWeek").GetDouble(),
    });
}
