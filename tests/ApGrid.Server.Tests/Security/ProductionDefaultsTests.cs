using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Security;

/// <summary>
/// The server as deployed (ASPNETCORE_ENVIRONMENT=Production, nothing but storage, ports, a
/// partner's API key and the settings named below configured): what it shows a stranger, and
/// what its defaults are.
/// </summary>
public sealed class ProductionDefaultsTests(ProductionServerFixture production) : IClassFixture<ProductionServerFixture>
{
    [Fact]
    public async Task Readiness_without_the_operator_key_says_only_ready_and_with_it_says_why()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Add("X-Operator-Key", ProductionServerFixture.OperatorKey);
        using var detailed = await production.Http.SendAsync(request);

        Assert.Equal("""{"status":"Healthy"}""", production.ReadyBody);
        var checks = (await detailed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
        Assert.True(checks.TryGetProperty("storage", out _));
    }

    [Fact]
    public async Task A_misspelt_field_is_refused_without_suggesting_the_schema()
    {
        var response = await GraphQLAsync("{ viewr { tenant } }");

        var message = response.GetProperty("errors")[0].GetProperty("message").GetString()!;
        Assert.Contains("viewr", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", message, StringComparison.Ordinal);
        Assert.DoesNotContain("viewer", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Introspection_is_for_authenticated_callers_only()
    {
        using var anonymous = await production.Http.PostAsJsonAsync("/graphql", new { query = "{ __schema { queryType { name } } }" });
        var partner = await GraphQLAsync("{ __schema { queryType { name } } }");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Query", partner.GetProperty("data").GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task GraphiQL_and_the_development_token_endpoint_are_not_served()
    {
        using var graphiql = await production.Http.GetAsync(new Uri("/graphiql", UriKind.Relative));
        using var devToken = await production.Http.PostAsJsonAsync("/dev/token", new { tenant = "901", role = "LA_OFFICER" });

        Assert.Equal(HttpStatusCode.NotFound, graphiql.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, devToken.StatusCode);
    }

    [Fact]
    public async Task No_demo_data_is_seeded_even_when_configuration_asks()
    {
        var response = await GraphQLAsync("{ apCapacity { setting { urn } } }");

        Assert.Equal(0, response.GetProperty("data").GetProperty("apCapacity").GetArrayLength());
    }

    [Fact]
    public async Task The_openapi_document_names_the_configured_server_not_the_host_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "evil.example";
        using var response = await production.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
        var servers = JsonDocument.Parse(body).RootElement.GetProperty("servers");
        Assert.Equal(ProductionServerFixture.PublicUrl, Assert.Single(servers.EnumerateArray()).GetProperty("url").GetString());
    }

    private async Task<JsonElement> GraphQLAsync(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Add("X-Api-Key", RunningServerFixture.PartnerApiKey);
        using var response = await production.Http.SendAsync(request);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

