using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Rest;

/// <summary>Reading settings and capacity over REST: every role of the tenant may, nobody across tenants, bad input named.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class ApSettingsRestTests(RunningServerFixture server)
{
    public static TheoryData<string, bool> Roles => new()
    {
        { "LA_OFFICER", false },
        { "SCHOOL_STAFF", true },
        { "AP_STAFF", true },
        { "SPECIAL_SCHOOL_STAFF", true },
        { "PARTNER", false },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_role_lists_the_tenants_settings_as_graphql_shows_them(string role, bool needsUrn)
    {
        var urns = await server.ApSettingUrnsAsync("901");
        var token = await server.TokenAsync("901", role, needsUrn ? urns[0] : null);

        var list = await server.GetAsync(token, "/api/v1/ap-settings");

        Assert.Equal(200, list.Status);
        Assert.Equal(urns.Order(StringComparer.Ordinal), list.Json.EnumerateArray().Select(s => s.GetProperty("urn").GetString()!).Order(StringComparer.Ordinal));
        var first = list.Json[0];
        Assert.All(first.GetProperty("sessions").EnumerateArray(), s => Assert.Matches("^(MON|TUE|WED|THU|FRI)_(AM|PM)$", s.GetProperty("session").GetString()));
        Assert.All(first.GetProperty("keyStages").EnumerateArray(), k => Assert.Matches("^(EYFS|KS[1-4])$", k.GetString()));
    }

    [Fact]
    public async Task Filters_select_what_graphql_apCapacity_selects()
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");
        var graphql = await server.PostAsync(la, "{ apCapacity(filter: { keyStage: KS2, sessions: [MON_AM], registeredOnly: true }) { setting { urn } } }");

        var rest = await server.GetAsync(la, "/api/v1/ap-settings?keyStage=KS2&sessions=MON_AM&registeredOnly=true");
        var capacity = await server.GetAsync(la, "/api/v1/capacity?keyStage=KS2&sessions=MON_AM&registeredOnly=true");

        var expected = graphql.Data.GetProperty("apCapacity").EnumerateArray().Select(m => m.GetProperty("setting").GetProperty("urn").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, rest.Json.EnumerateArray().Select(s => s.GetProperty("urn").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(expected, capacity.Json.EnumerateArray().Select(m => m.GetProperty("setting").GetProperty("urn").GetString()!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/ap-settings?keyStage=KS9", "keyStage")]
    [InlineData("/api/v1/ap-settings?need=ANXIETY", "need")]
    [InlineData("/api/v1/ap-settings?fullTime=yes", "fullTime")]
    [InlineData("/api/v1/ap-settings?sessions=MON_AM,SAT_AM", "sessions")]
    [InlineData("/api/v1/capacity?maxTravelMinutes=30", "maxTravelMinutes")]
    [InlineData("/api/v1/capacity?nearPupil=p-0000000000&maxTravelMinutes=0", "maxTravelMinutes")]
    [InlineData("/api/v1/ap-settings/14000", "urn")]
    public async Task A_bad_parameter_is_a_problem_naming_it(string path, string field)
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");

        var response = await server.GetAsync(la, path);

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal("VALIDATION", response.ProblemCode);
        Assert.Equal(field, response.ProblemField);
    }

    [Fact]
    public async Task One_setting_reads_by_urn_and_an_unknown_urn_is_not_found()
    {
        var urn = (await server.ApSettingUrnsAsync("901"))[0];
        var partner = await server.TokenAsync("901", "PARTNER");

        var found = await server.GetAsync(partner, $"/api/v1/ap-settings/{urn}");
        var missing = await server.GetAsync(partner, "/api/v1/ap-settings/999999");

        Assert.Equal(200, found.Status);
        Assert.Equal(urn, found.Json.GetProperty("urn").GetString());
        Assert.Equal(404, missing.Status);
        Assert.Equal("NOT_FOUND", missing.ProblemCode);
        Assert.Equal("urn", missing.ProblemField);
    }

    [Fact]
    public async Task Another_tenants_setting_is_not_found_even_by_its_real_urn()
    {
        var urn901 = (await server.ApSettingUrnsAsync("901"))[0];
        var la902 = await server.TokenAsync("902", "LA_OFFICER");

        var read = await server.GetAsync(la902, $"/api/v1/ap-settings/{urn901}");
        var list = await server.GetAsync(la902, "/api/v1/ap-settings");

        Assert.Equal(404, read.Status);
        Assert.Equal("NOT_FOUND", read.ProblemCode);
        Assert.DoesNotContain(urn901, list.Json.EnumerateArray().Select(s => s.GetProperty("urn").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/ap-settings")]
    [InlineData("/api/v1/capacity")]
    [InlineData("/api/v1/report")]
    [InlineData("/api/v1/changes")]
    [InlineData("/api/v1/audit")]
    public async Task Without_a_valid_token_every_endpoint_is_401_unauthenticated(string path)
    {
        var none = await server.GetAsync(null, path);
        var tampered = await server.GetAsync((await server.TokenAsync("901", "LA_OFFICER"))[..^4] + "AAAA", path);

        foreach (var response in new[] { none, tampered })
        {
            Assert.Equal(401, response.Status);
            Assert.Equal("application/problem+json", response.MediaType);
            Assert.Equal("UNAUTHENTICATED", response.ProblemCode);
        }
    }
}
