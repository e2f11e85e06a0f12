using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.SignIn;

/// <summary>
/// What a browser does through the board's sign-in, by hand: ApGrid's redirect to the LA's provider,
/// its login page, the way back with the code. ApGrid's cookies are kept here because they are
/// Secure and the tests speak plain HTTP to 127.0.0.1 (which browsers treat as secure, HttpClient not).
/// </summary>
internal sealed class BoardSessionClient : IDisposable
{
    private readonly HttpClient apgrid;
    private readonly HttpClientHandler providerHandler = new() { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
    private readonly HttpClient provider;
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    public BoardSessionClient(Uri baseAddress)
    {
        apgrid = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(20) };
        provider = new HttpClient(providerHandler) { Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>The Set-Cookie lines ApGrid sent, by cookie name, as last sent.</summary>
    public Dictionary<string, string> SetCookies { get; } = new(StringComparer.Ordinal);

    /// <summary>The provider's authorization request, as ApGrid sent the browser to it.</summary>
    public Uri? AuthorizationRequest { get; private set; }

    public string? Csrf { get; private set; }

    public async Task SignInAsync(string tenant, string login)
    {
        var location = await ApGridRedirectAsync(HttpMethod.Get, $"/auth/sign-in/{tenant}?returnTo=/%23capacity");
        AuthorizationRequest = location;
        location = await ProviderRedirectAsync(new HttpRequestMessage(HttpMethod.Get, location));
        location = await ProviderRedirectAsync(new HttpRequestMessage(HttpMethod.Post, location)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["prompt"] = "login", ["login"] = login, ["password"] = "any" }),
        });
        while (!location.AbsolutePath.StartsWith("/auth/callback/", StringComparison.Ordinal))
        {
            location = await ProviderRedirectAsync(new HttpRequestMessage(HttpMethod.Get, location));
        }

        var home = await ApGridRedirectAsync(HttpMethod.Get, location.PathAndQuery);
        Assert.Equal("/#capacity", home.OriginalString);
        using var session = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/auth/session"));
        session.EnsureSuccessStatusCode();
        Csrf = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrf").GetString();
    }

    public async Task<HttpResponseMessage> GraphQLAsync(string query, bool withCsrf = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        if (withCsrf && Csrf is not null) request.Headers.Add("X-ApGrid-Csrf", Csrf);
        return await SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await apgrid.SendAsync(request);
            foreach (var line in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = line.Split(';')[0];
                var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
                var value = pair[(name.Length + 1)..];
                SetCookies[name] = line;
                if (value.Length == 0 || line.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) cookies.Remove(name); else cookies[name] = value;
            }

            return response;
        }
    }

    /// <summary>The cookie header this client sends ApGrid, to copy into a WebSocket request.</summary>
    public string CookieHeader => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    public void Dispose()
    {
        apgrid.Dispose();
        provider.Dispose();
        providerHandler.Dispose();
    }

    private async Task<Uri> ApGridRedirectAsync(HttpMethod method, string path)
    {
        using var response = await SendAsync(new HttpRequestMessage(method, path));
        Assert.True((int)response.StatusCode is >= 300 and < 400, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!;
    }

    private async Task<Uri> ProviderRedirectAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await provider.SendAsync(request))
        {
            Assert.True((int)response.StatusCode is >= 300 and < 400, $"{request.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var location = response.Headers.Location!;
            return location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location);
        }
    }
}
