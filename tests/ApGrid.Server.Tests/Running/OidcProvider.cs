using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ApGrid.Server.Tests.Running;

/// <summary>
/// A real OpenID provider (panva's certified oidc-provider, tests/oidc/provider.mjs) in its own Node
/// process: an LA's identity provider as ApGrid meets it. Installs tests/oidc's locked packages on
/// first use, so a fresh clone needs nothing beforehand.
/// </summary>
internal sealed class OidcProvider : IAsyncDisposable
{
    /// <summary>The public client the tests sign people in with to get bearer tokens, as an LA's own tools would.</summary>
    public const string TestClient = "apgrid-tests";

    public const string TestRedirect = "http://127.0.0.1/tests/callback";

    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly List<(string Prefix, TaskCompletionSource<string> Line)> waiting = [];

    private OidcProvider(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string Issuer => $"http://127.0.0.1:{Port}";

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public static string Directory => Path.Combine(RepositoryRoot.Path, "tests", "oidc");

    /// <param name="boardClients">The confidential clients ApGrid signs the board in with: (client id, secret, redirect URI).</param>
    public static async Task<OidcProvider> StartAsync(string alg, string audience, params (string Id, string Secret, string Redirect)[] boardClients)
    {
        await EnsureInstalledAsync();
        var port = FreePort();
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "provider.mjs", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--alg", alg, "--audience", audience, "--client", $"{TestClient}::{TestRedirect}" })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (id, secret, redirect) in boardClients)
        {
            info.ArgumentList.Add("--client");
            info.ArgumentList.Add($"{id}:{secret}:{redirect}");
        }

        var provider = new OidcProvider(Process.Start(info) ?? throw new InvalidOperationException("node did not start"), port);
        var listening = provider.NextLine("listening");
        provider.process.OutputDataReceived += (_, e) => provider.Append(e.Data);
        provider.process.ErrorDataReceived += (_, e) => provider.Append(e.Data);
        provider.process.BeginOutputReadLine();
        provider.process.BeginErrorReadLine();
        try
        {
            await listening.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException("The OpenID provider did not start:\n" + provider.Output);
        }

        return provider;
    }

    /// <summary>Replaces the provider's signing key; the old one is no longer published. Returns the new key's id.</summary>
    public async Task<string> RotateKeysAsync()
    {
        var rotated = NextLine("rotated ");
        await process.StandardInput.WriteLineAsync("rotate");
        await process.StandardInput.FlushAsync();
        return (await rotated.WaitAsync(TimeSpan.FromSeconds(10)))["rotated ".Length..];
    }

    /// <summary>
    /// Signs <paramref name="login"/> in at the provider's own login page by the authorization-code
    /// flow with PKCE, as the test client, and returns the access token (a JWT for ApGrid's audience).
    /// </summary>
    public async Task<string> AccessTokenAsync(string login)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(Issuer), Timeout = TimeSpan.FromSeconds(20) };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var query = $"/auth?client_id={TestClient}&response_type=code&scope=openid%20email%20api&redirect_uri={Uri.EscapeDataString(TestRedirect)}"
            + $"&code_challenge={challenge}&code_challenge_method=S256&state=s1&nonce=n1";
        var location = await RedirectAsync(http, new HttpRequestMessage(HttpMethod.Get, query));
        location = await RedirectAsync(http, new HttpRequestMessage(HttpMethod.Post, location)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["prompt"] = "login", ["login"] = login, ["password"] = "any" }),
        });
        while (!location.StartsWith(TestRedirect, StringComparison.Ordinal))
        {
            location = await RedirectAsync(http, new HttpRequestMessage(HttpMethod.Get, location));
        }

        var code = System.Web.HttpUtility.ParseQueryString(new Uri(location).Query)["code"] ?? throw new InvalidOperationException("No code in " + location);
        using var token = await http.PostAsync(new Uri("/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = TestRedirect,
            ["code_verifier"] = verifier,
            ["client_id"] = TestClient,
        }));
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        return body.TryGetProperty("access_token", out var accessToken) ? accessToken.GetString()! : throw new InvalidOperationException("Token endpoint: " + body);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    public static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(Directory, "node_modules", "oidc-provider", "package.json"))) return;
            var info = new ProcessStartInfo("npm") { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" }) info.ArgumentList.Add(argument);
            using var npm = Process.Start(info) ?? throw new InvalidOperationException("npm did not start");
            var stdout = npm.StandardOutput.ReadToEndAsync();
            var stderr = npm.StandardError.ReadToEndAsync();
            await npm.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
            if (npm.ExitCode != 0) throw new InvalidOperationException("npm ci in tests/oidc failed:\n" + await stdout + await stderr);
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task<string> RedirectAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        using (var response = await http.SendAsync(request))
        {
            if ((int)response.StatusCode is < 300 or > 399 || response.Headers.Location is null)
            {
                throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            var location = response.Headers.Location;
            return location.IsAbsoluteUri ? location.ToString() : new Uri(http.BaseAddress!, location).ToString();
        }
    }

    private Task<string> NextLine(string prefix)
    {
        var line = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (output) waiting.Add((prefix, line));
        return line.Task;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output)
        {
            output.AppendLine(line);
            foreach (var wait in waiting.Where(w => line.StartsWith(w.Prefix, StringComparison.Ordinal)).ToList())
            {
                waiting.Remove(wait);
                wait.Line.TrySetResult(line);
            }
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
