using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Server.Tests.Api;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Gateway;

/// <summary>
/// A gateway process (role `gateway`) with small limits in front of the shared node process: a
/// gateway costs a second to start, and the shared `all` server keeps its generous defaults.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class GatewayRateLimitTests(RunningServerFixture server) : IAsyncLifetime
{
    private const int TenantLimit = 5;
    private const int KeyLimit = 3;
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "apgrid-gw-" + Guid.NewGuid().ToString("N"));
    private ServerProcess gateway = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        gateway = new ServerProcess(dataDirectory, new Dictionary<string, string>
        {
            ["Server:Role"] = "gateway",
            ["Gateway:Destinations:0"] = (await server.NodeAsync()).NodeHttp2Url,
            ["Auth:SigningKey"] = RunningServerFixture.SigningKey,
            ["ApiKeys:dashboard:Hash"] = ApGrid.Auth.ApiKeyValidator.HashOf(RunningServerFixture.PartnerApiKey),
            ["ApiKeys:dashboard:Tenant"] = "902",
            ["RateLimits:PerTenant:PermitLimit"] = TenantLimit.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:PerTenant:Window"] = "00:00:30",
            ["RateLimits:PerApiKey:PermitLimit"] = KeyLimit.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:PerApiKey:Window"] = "00:00:30",
        });
        gateway.Start();
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await gateway.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_tenant_over_its_limit_gets_429_with_retry_after_while_another_tenant_is_served()
    {
        var busy = await server.TokenAsync("901", "LA_OFFICER");
        var other = await server.TokenAsync("902", "LA_OFFICER");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < TenantLimit + 3; i++)
        {
            var response = await PostAsync(busy, apiKey: null);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused ??= response;
            else response.Dispose();
        }

        using var otherResponse = await PostAsync(other, apiKey: null);
        Console.WriteLine($"tenant 901 (limit {TenantLimit}/30 s): {string.Join(' ', statuses.Select(s => (int)s))}; tenant 902 at the same moment: {(int)otherResponse.StatusCode}");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, TenantLimit), statuses.Take(TenantLimit));
        Assert.All(statuses.Skip(TenantLimit), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.NotNull(refused);
        using (refused)
        {
            var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 30);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("RATE_LIMITED", problem.GetProperty("code").GetString());
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
        }

        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
    }

    [Fact]
    public async Task An_api_key_has_its_own_limit()
    {
        var statuses = new List<int>();
        for (var i = 0; i < KeyLimit + 1; i++)
        {
            using var response = await PostAsync(token: null, apiKey: RunningServerFixture.PartnerApiKey);
            statuses.Add((int)response.StatusCode);
        }

        Console.WriteLine($"API key (limit {KeyLimit}/30 s): {string.Join(' ', statuses)}");
        Assert.Equal([.. Enumerable.Repeat(200, KeyLimit), 429], statuses);
    }

    private async Task<HttpResponseMessage> PostAsync(string? token, string? apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ viewer { tenant } }" }) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        return await http.SendAsync(request);
    }
}
