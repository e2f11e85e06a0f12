using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Server.Tests.Api;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.SignIn;

/// <summary>
/// ApGrid with real identity providers, one per tenant, as LAs connect theirs: 901 signs tokens with
/// RS256, 902 with ES256 (both oidc-provider processes started here), and 903's provider issues
/// tokens for an audience ApGrid was not told about. Each tenant has a first administrator in
/// configuration; 901 admits only addresses at la901.test.
/// </summary>
public sealed class SignInFixture : IAsyncLifetime
{
    public const string SigningKey = "sign-in-tests-signing-key-0123456789-0123456789-abcdef";
    public const string BoardClient = "apgrid-board";
    public const string BoardSecret = "board-client-secret-not-a-real-one";

    /// <summary>How often an open WebSocket asks the registry again here (GraphQL:WebSocket:AccessRecheckInterval).</summary>
    public static readonly TimeSpan AccessRecheck = TimeSpan.FromSeconds(1);

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "apgrid-signin-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> settings = new()
    {
        ["Auth:SigningKey"] = SigningKey,
        ["Auth:KeyRefreshMinimumInterval"] = "00:00:01",
        ["Auth:ClockSkew"] = "00:00:00",
        ["Auth:MaxTokenLifetime"] = "12:00:00",
        ["GraphQL:WebSocket:AccessRecheckInterval"] = "00:00:01",
        ["ApiKeysLimits:MaxFailuresPerSource"] = "30",
        ["ApiKeysLimits:FailureWindow"] = "00:01:00",
    };

    private ServerProcess server = null!;

    internal OidcProvider La901 { get; private set; } = null!;

    internal OidcProvider La902 { get; private set; } = null!;

    internal OidcProvider La903 { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public Uri BaseAddress => server.BaseAddress;

    public Uri WebSocketUri => new($"ws://127.0.0.1:{server.HttpPort}/graphql");

    public async Task InitializeAsync()
    {
        server = new ServerProcess(dataDirectory, settings);
        string Callback(string tenant) => $"{server.BaseAddress.ToString().TrimEnd('/')}/auth/callback/{tenant}";
        var providers = await Task.WhenAll(
            OidcProvider.StartAsync("RS256", "api://apgrid-901", (BoardClient, BoardSecret, Callback("901"))),
            OidcProvider.StartAsync("ES256", "api://apgrid-902", (BoardClient, BoardSecret, Callback("902"))),
            OidcProvider.StartAsync("RS256", "api://someone-else"));
        (La901, La902, La903) = (providers[0], providers[1], providers[2]);
        Configure("901", La901, "api://apgrid-901", "admin@la901.test");
        settings["Auth:Tenants:901:AllowedEmailDomains:0"] = "la901.test";
        Configure("902", La902, "api://apgrid-902", "admin@la902.test");
        Configure("903", La903, "api://apgrid-903", "admin@la903.test");
        server.Start();
        await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await server.DisposeAsync();
        foreach (var provider in new[] { La901, La902, La903 }) await provider.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    public async Task<GraphQLResponse> PostAsync(string? token, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), body);
    }

    public async Task<string> DevTokenAsync(string tenant, string role, string? urn = null)
    {
        using var response = await Http.PostAsJsonAsync("/dev/token", new { tenant, role, urn });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>Grants through the API as the tenant's configured administrator, signed in at its provider.</summary>
    internal async Task<JsonElement> GrantAsync(OidcProvider provider, string admin, object input)
    {
        var token = await provider.AccessTokenAsync(admin);
        var response = await PostAsync(token, "mutation($input: GrantAccessInput!) { grantAccess(input: $input) { id email role urn } }", new { input });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("grantAccess");
    }

    private void Configure(string tenant, OidcProvider provider, string audience, string administrator)
    {
        settings[$"Auth:Tenants:{tenant}:Authority"] = provider.Issuer;
        settings[$"Auth:Tenants:{tenant}:Audience"] = audience;
        settings[$"Auth:Tenants:{tenant}:ClientId"] = BoardClient;
        settings[$"Auth:Tenants:{tenant}:ClientSecret"] = BoardSecret;
        settings[$"Auth:Tenants:{tenant}:RequireHttpsMetadata"] = "false";
        settings[$"Auth:Tenants:{tenant}:Administrators:0"] = administrator;
    }
}

[CollectionDefinition(Name)]
public sealed class SignInCollection : ICollectionFixture<SignInFixture>
{
    public const string Name = "sign-in";
}
