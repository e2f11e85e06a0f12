using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ApGrid.Server.Tests.SignIn;

/// <summary>API keys an LA administrator manages: shown once, stored hashed, rotated with overlap, revoked at once.</summary>
[Collection(SignInCollection.Name)]
public sealed class ManagedApiKeyTests(SignInFixture fixture)
{
    private const string Fields = "key { id name role expiresAt lastUsedAt revokedAt replacedBy } secret";

    [Fact]
    public async Task A_created_key_works_as_PARTNER_of_its_tenant_until_revoked_and_its_secret_is_never_shown_again()
    {
        var admin = await fixture.La901.AccessTokenAsync("admin@la901.test");
        var created = await MutateAsync(admin, $"mutation {{ createApiKey(name: \"Dashboard\") {{ {Fields} }} }}", "createApiKey");
        var secret = created.GetProperty("secret").GetString()!;
        var id = created.GetProperty("key").GetProperty("id").GetString()!;
        Assert.StartsWith("apgk.901.", secret, StringComparison.Ordinal);

        using (var viewer = await WithKeyAsync(secret, "{ viewer { tenant role } }"))
        {
            var body = await viewer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
            Assert.Equal("901", body.GetProperty("data").GetProperty("viewer").GetProperty("tenant").GetString());
            Assert.Equal("PARTNER", body.GetProperty("data").GetProperty("viewer").GetProperty("role").GetString());
        }

        var listed = await fixture.PostAsync(admin, "{ apiKeys { id name lastUsedAt } }");
        Assert.DoesNotContain(secret.Split('.')[^1], listed.Body, StringComparison.Ordinal);
        Assert.Contains(listed.Data.GetProperty("apiKeys").EnumerateArray(), k => k.GetProperty("id").GetString() == id && k.GetProperty("lastUsedAt").ValueKind == JsonValueKind.String);

        await MutateAsync(admin, $"mutation {{ revokeApiKey(id: \"{id}\") {{ id revokedAt }} }}", "revokeApiKey");
        using var refused = await WithKeyAsync(secret, "{ viewer { tenant } }");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_rotated_key_works_beside_its_successor_for_the_overlap_and_not_after()
    {
        var admin = await fixture.La901.AccessTokenAsync("admin@la901.test");
        var first = await MutateAsync(admin, $"mutation {{ createApiKey(name: \"Nightly export\") {{ {Fields} }} }}", "createApiKey");
        var id = first.GetProperty("key").GetProperty("id").GetString()!;

        var overlapping = await MutateAsync(admin, $"mutation {{ rotateApiKey(id: \"{id}\", overlapHours: 24) {{ {Fields} }} }}", "rotateApiKey");
        var second = overlapping.GetProperty("secret").GetString()!;
        using (var old = await WithKeyAsync(first.GetProperty("secret").GetString()!, "{ viewer { role } }")) Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        using (var fresh = await WithKeyAsync(second, "{ viewer { role } }")) Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);

        // No overlap: the key rotated now stops at once, its successor works.
        var third = await MutateAsync(admin, $"mutation {{ rotateApiKey(id: \"{overlapping.GetProperty("key").GetProperty("id").GetString()}\", overlapHours: 0) {{ {Fields} }} }}", "rotateApiKey");
        using (var retired = await WithKeyAsync(second, "{ viewer { role } }")) Assert.Equal(HttpStatusCode.Unauthorized, retired.StatusCode);
        using (var latest = await WithKeyAsync(third.GetProperty("secret").GetString()!, "{ viewer { role } }")) Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
    }

    [Fact]
    public async Task A_key_with_its_secret_changed_or_its_tenant_changed_is_refused()
    {
        var admin = await fixture.La901.AccessTokenAsync("admin@la901.test");
        var created = await MutateAsync(admin, $"mutation {{ createApiKey(name: \"Probe\") {{ {Fields} }} }}", "createApiKey");
        var secret = created.GetProperty("secret").GetString()!;

        using var wrongSecret = await WithKeyAsync(secret[..^2] + (secret.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"), "{ viewer { role } }");
        using var otherTenant = await WithKeyAsync(secret.Replace("apgk.901.", "apgk.902.", StringComparison.Ordinal), "{ viewer { role } }");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherTenant.StatusCode);
    }

    [Fact]
    public async Task Only_an_LA_ADMIN_manages_keys()
    {
        var officer = await fixture.DevTokenAsync("901", "LA_OFFICER");

        var response = await fixture.PostAsync(officer, "mutation { createApiKey(name: \"Mine\") { secret } }");

        Assert.Equal("FORBIDDEN", response.FirstErrorCode);
    }

    [Fact]
    public async Task Guessing_keys_from_one_source_is_answered_429_after_the_limit()
    {
        // From an address of its own (all of 127/8 is loopback), so the other tests' source is not blocked.
        var source = IPAddress.Parse($"127.0.0.{Random.Shared.Next(2, 250)}");
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        };
        using var guesser = new HttpClient(handler) { BaseAddress = fixture.BaseAddress };
        var statuses = new List<HttpStatusCode>();

        // The fixture allows 30 refusals per source per minute (ApiKeysLimits).
        for (var attempt = 0; attempt < 32; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ viewer { role } }" }) };
            request.Headers.Add("X-Api-Key", $"apgk.901.k-1.guess{attempt}");
            using var response = await guesser.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(30), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(30), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    private async Task<JsonElement> MutateAsync(string token, string query, string field)
    {
        var response = await fixture.PostAsync(token, query);
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty(field);
    }

    private async Task<HttpResponseMessage> WithKeyAsync(string key, string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Add("X-Api-Key", key);
        using (request) return await fixture.Http.SendAsync(request);
    }
}
