using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using ApGrid.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace ApGrid.Server.Tests.Running;

/// <summary>
/// The `all` role hosted in memory (TestServer in place of Kestrel): being one web application, it
/// needs no process or port of its own, and a test can give it settings, here small rate limits,
/// that the shared server cannot have. The silo is real, on its own SQLite file.
/// </summary>
public sealed class AllRoleInMemoryTests : IAsyncLifetime
{
    private const int TenantLimit = 3;
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "apgrid-inmemory-" + Guid.NewGuid().ToString("N"));
    private WebApplication app = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        string[] args =
        [
            $"--Storage:SqlitePath={Path.Combine(dataDirectory, "apgrid.db")}",
            $"--Orleans:SiloPort={FreePort()}",
            $"--Orleans:GatewayPort={FreePort()}",
            "--DemoData:Enabled=false",
            "--Auth:SigningKey=in-memory-tests-signing-key-0123456789-0123456789",
            $"--RateLimits:PerTenant:PermitLimit={TenantLimit.ToString(CultureInfo.InvariantCulture)}",
            "--RateLimits:PerTenant:Window=00:01:00",
            "--Logging:LogLevel:Default=Warning",
        ];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Development",
        });
        builder.WebHost.UseTestServer();
        app = RoleHosts.BuildAll(builder);
        await app.StartAsync();
        http = app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Health_answers_and_the_api_refuses_a_caller_without_credentials()
    {
        using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var anonymous = await http.PostAsJsonAsync("/graphql", new { query = "{ viewer { tenant } }" });

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer, ApiKey", anonymous.Headers.WwwAuthenticate.ToString());
        var body = await anonymous.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("UNAUTHENTICATED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_tenant_over_its_limit_gets_429_before_the_node_sees_the_request()
    {
        using var issued = await http.PostAsJsonAsync("/dev/token", new { tenant = "901", role = "LA_OFFICER", urn = (string?)null });
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < TenantLimit + 1; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ viewer { tenant role } }" }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 60);
                Assert.Equal("RATE_LIMITED", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, TenantLimit), HttpStatusCode.TooManyRequests], statuses);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
