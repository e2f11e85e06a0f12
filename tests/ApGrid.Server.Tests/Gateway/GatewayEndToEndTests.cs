using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Gateway;

/// <summary>
/// Everything through the public port of the default `all` process (the gateway's policies in front
/// of the node's endpoints), as users and partner systems meet it; and a node's own port refusing
/// callers who bypass the gateway.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class GatewayEndToEndTests(RunningServerFixture server)
{
    [Theory]
    [InlineData("LA_OFFICER", null)]
    [InlineData("SCHOOL_STAFF", "school")]
    [InlineData("AP_STAFF", "ap")]
    [InlineData("PARTNER", null)]
    public async Task Each_role_with_a_token_is_served_through_the_gateway(string role, string? setting)
    {
        var urn = setting switch
        {
            "school" => await FirstSchoolUrnAsync("902"),
            "ap" => (await server.ApSettingUrnsAsync("902"))[0],
            _ => null,
        };
        var token = await server.TokenAsync("902", role, urn);

        var response = await server.PostAsync(token, "{ viewer { tenant role urn } apCapacity { setting { urn } } }");

        Assert.False(response.HasErrors, response.Body);
        Assert.Equal(200, response.Status);
        Assert.Equal(role, response.Data.GetProperty("viewer").GetProperty("role").GetString());
        Assert.Equal(urn, response.Data.GetProperty("viewer").GetProperty("urn").GetString());
        Assert.NotEmpty(response.Data.GetProperty("apCapacity").EnumerateArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20_000)]
    public async Task A_query_of_any_size_reaches_the_node_and_its_answer_has_a_content_length(int padding)
    {
        // Under 16 KB the gateway reads the body before forwarding it; over, it streams it.
        var token = await server.TokenAsync("902", "LA_OFFICER");
        var query = "{ viewer { tenant role } " + new string(' ', padding) + "}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await server.Http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"viewer":{"tenant":"902","role":"LA_OFFICER"}}}""", System.Text.Encoding.UTF8.GetString(body));
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.False(response.Headers.TransferEncodingChunked ?? false);
    }

    [Fact]
    public async Task A_partner_system_with_an_api_key_is_a_partner_of_its_tenant()
    {
        var response = await PostWithApiKeyAsync(server.BaseAddress, RunningServerFixture.PartnerApiKey, "{ viewer { tenant role urn } apCapacity { setting { urn } } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"tenant":"902","role":"PARTNER","urn":null}""", response.Body.GetProperty("data").GetProperty("viewer").GetRawText());
    }

    [Fact]
    public async Task A_wrong_api_key_is_refused_at_the_gateway()
    {
        var response = await PostWithApiKeyAsync(server.BaseAddress, RunningServerFixture.PartnerApiKey + "x", "{ viewer { tenant } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_node_port_refuses_a_caller_without_credentials_and_accepts_an_api_key()
    {
        var nodeAddress = (await server.NodeAsync()).BaseAddress;
        using var node = new HttpClient { BaseAddress = nodeAddress };
        using var anonymous = await node.PostAsJsonAsync("/graphql", new { query = "{ viewer { tenant } }" });
        var withKey = await PostWithApiKeyAsync(nodeAddress, RunningServerFixture.PartnerApiKey, "{ viewer { tenant role } }");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.Status);
        Assert.Equal("PARTNER", withKey.Body.GetProperty("data").GetProperty("viewer").GetProperty("role").GetString());
    }

    [Fact]
    public async Task The_rest_prefix_is_routed_and_needs_credentials()
    {
        var token = await server.TokenAsync("901", "LA_OFFICER");

        using var anonymous = await server.Http.GetAsync(new Uri("/api/v1/ap-settings", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ap-settings");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var authenticated = await server.Http.SendAsync(request);
        using var keyed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ap-settings");
        keyed.Headers.Add("X-Api-Key", RunningServerFixture.PartnerApiKey);
        using var partner = await server.Http.SendAsync(keyed);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal("UNAUTHENTICATED", (await anonymous.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        // Past the gateway: whatever the node answers (404 until the REST API lands), never the gateway's refusal or a proxy error.
        Assert.DoesNotContain((int)authenticated.StatusCode, new[] { 401, 502, 503, 504 });
        Assert.DoesNotContain((int)partner.StatusCode, new[] { 401, 502, 503, 504 });
    }

    [Fact]
    public async Task Health_and_the_token_endpoint_need_no_credentials()
    {
        using var live = await server.Http.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await server.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("silo").GetProperty("status").GetString());
        Assert.NotEmpty(await server.TokenAsync("901", "PARTNER"));
    }

    [Theory]
    [InlineData("token")]
    [InlineData("apiKey")]
    public async Task GraphQL_over_WebSocket_works_through_the_gateway(string credential)
    {
        var tenant = credential == "token" ? "901" : "902";
        var auth = credential == "token" ? await server.TokenAsync(tenant, "PARTNER") : "key:" + RunningServerFixture.PartnerApiKey;
        var la = await server.TokenAsync(tenant, "LA_OFFICER");
        var urn = (await server.ApSettingUrnsAsync(tenant))[8];
        using var subscriber = SubscriberProcess.Start(server.WebSocketUri, auth,
            "subscription($after: String) { changes(kinds: [CAPACITY], after: $after) { cursor kind subjectId } }", 1, "-", TimeSpan.FromSeconds(30));
        await subscriber.WaitForAsync(e => e.Any(x => SubscriberProcess.Is(x, "connected")), TimeSpan.FromSeconds(20));

        // The subscription is registered a moment after the ack, so keep changing until one arrives.
        for (var places = 30; places < 45 && subscriber.Changes.Count == 0; places++)
        {
            var result = await server.PostAsync(la, GatewayQueries.SetAvailability, new { urn, places });
            Assert.False(result.HasErrors, result.Body);
            await Task.Delay(500);
        }

        await subscriber.WaitForAsync(_ => subscriber.Changes.Count > 0, TimeSpan.FromSeconds(10));
        Assert.Equal(urn, subscriber.Changes[0].GetProperty("changes").GetProperty("subjectId").GetString());
    }

    private async Task<string> FirstSchoolUrnAsync(string tenant)
    {
        var la = await server.TokenAsync(tenant, "LA_OFFICER");
        var response = await server.PostAsync(la, "{ localAuthority { schools { urn } } }");
        return response.Data.GetProperty("localAuthority").GetProperty("schools")[0].GetProperty("urn").GetString()!;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostWithApiKeyAsync(Uri baseAddress, string key, string query)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
