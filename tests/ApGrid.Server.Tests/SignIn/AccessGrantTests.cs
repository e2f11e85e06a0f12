using System.Net.WebSockets;
using System.Text.Json;
using static ApGrid.Server.Tests.Running.WsFrames;

namespace ApGrid.Server.Tests.SignIn;

/// <summary>The access registry: LA administrators grant and revoke; the people granted act accordingly, at once.</summary>
[Collection(SignInCollection.Name)]
public sealed class AccessGrantTests(SignInFixture fixture)
{
    private const string Admin = "admin@la901.test";

    [Fact]
    public async Task AP_staff_granted_a_setting_see_it_as_its_staff_and_lose_it_when_revoked_even_on_an_open_subscription()
    {
        var urn = await ApSettingAsync();
        var grant = await fixture.GrantAsync(fixture.La901, Admin, new { email = "Ap.Worker@LA901.test", role = "AP_STAFF", urn });
        Assert.Equal("ap.worker@la901.test", grant.GetProperty("email").GetString());
        var token = await fixture.La901.AccessTokenAsync("ap.worker@la901.test");

        var viewer = await fixture.PostAsync(token, "{ viewer { tenant role urn } }");
        Assert.False(viewer.HasErrors, viewer.Body);
        Assert.Equal("AP_STAFF", viewer.Data.GetProperty("viewer").GetProperty("role").GetString());
        Assert.Equal(urn, viewer.Data.GetProperty("viewer").GetProperty("urn").GetString());
        using var socket = await SubscribedAsync(token);

        var revoked = await fixture.PostAsync(await fixture.La901.AccessTokenAsync(Admin),
            "mutation($id: ID!) { revokeAccess(id: $id) { id } }", new { id = grant.GetProperty("id").GetString() });
        Assert.False(revoked.HasErrors, revoked.Body);

        // The next request is refused at once; the open socket within the documented recheck interval.
        var after = await fixture.PostAsync(token, "{ viewer { role } }");
        Assert.Equal("NO_ACCESS", after.FirstErrorCode);
        var started = DateTime.UtcNow;
        Assert.Equal(4403, await ClosedWithAsync(socket, SignInFixture.AccessRecheck * 5));
        Assert.True(DateTime.UtcNow - started < SignInFixture.AccessRecheck * 3);
    }

    [Fact]
    public async Task Every_grant_change_and_revocation_is_in_the_access_history_with_who_made_it()
    {
        var token = await fixture.La901.AccessTokenAsync(Admin);
        var granted = await fixture.GrantAsync(fixture.La901, Admin, new { email = "history@la901.test", role = "PARTNER" });
        await fixture.GrantAsync(fixture.La901, Admin, new { email = "history@la901.test", role = "LA_OFFICER", expiresOn = "2099-01-31" });
        await fixture.PostAsync(token, "mutation($id: ID!) { revokeAccess(id: $id) { id } }", new { id = granted.GetProperty("id").GetString() });

        var history = await fixture.PostAsync(token, "{ accessHistory(limit: 50) { by kind grant { id email role expiresOn } } }");

        Assert.False(history.HasErrors, history.Body);
        var mine = history.Data.GetProperty("accessHistory").EnumerateArray()
            .Where(e => e.GetProperty("grant").GetProperty("email").GetString() == "history@la901.test").ToList();
        Assert.Equal(["REVOKED", "CHANGED", "GRANTED"], mine.Select(e => e.GetProperty("kind").GetString()!));
        Assert.All(mine, e => Assert.Equal(Admin, e.GetProperty("by").GetString()));
        Assert.Equal("LA_OFFICER", mine[1].GetProperty("grant").GetProperty("role").GetString());
        Assert.Equal("2099-01-31", mine[1].GetProperty("grant").GetProperty("expiresOn").GetString());
    }

    [Fact]
    public async Task An_LA_ADMIN_reads_no_pupil_by_virtue_of_that_role()
    {
        var la = await fixture.DevTokenAsync("901", "LA_OFFICER");
        string? pupil = null;
        foreach (var school in (await fixture.PostAsync(la, "{ localAuthority { schools { urn } } }")).Data.GetProperty("localAuthority").GetProperty("schools").EnumerateArray())
        {
            var pupils = await fixture.PostAsync(la, "query($urn: String!) { school(urn: $urn) { pupils { id } } }", new { urn = school.GetProperty("urn").GetString() });
            pupil = pupils.Data.GetProperty("school").GetProperty("pupils").EnumerateArray().Select(p => p.GetProperty("id").GetString()).FirstOrDefault();
            if (pupil is not null) break;
        }

        Assert.NotNull(pupil);
        Assert.False((await fixture.PostAsync(la, "query($id: ID!) { pupil(id: $id) { id } }", new { id = pupil })).HasErrors);
        var admin = await fixture.La901.AccessTokenAsync(Admin);

        var read = await fixture.PostAsync(admin, "query($id: ID!) { pupil(id: $id) { id } }", new { id = pupil });

        Assert.True(read.Data.GetProperty("pupil").ValueKind == JsonValueKind.Null || read.FirstErrorCode == "NOT_FOUND", read.Body);
    }

    [Theory]
    [InlineData("LA_OFFICER")]
    [InlineData("PARTNER")]
    public async Task Nobody_but_an_LA_ADMIN_reads_or_changes_access(string role)
    {
        var token = await fixture.DevTokenAsync("901", role);

        var grant = await fixture.PostAsync(token, "mutation { grantAccess(input: { email: \"x@la901.test\", role: LA_OFFICER }) { id } }");
        var list = await fixture.PostAsync(token, "{ accessGrants { id } }");

        Assert.Equal("FORBIDDEN", grant.FirstErrorCode);
        Assert.Equal("FORBIDDEN", list.FirstErrorCode);
    }

    [Fact]
    public async Task An_LA_ADMIN_sees_and_changes_only_their_own_tenants_registry()
    {
        await fixture.GrantAsync(fixture.La902, "admin@la902.test", new { email = "only-in-902@la902.test", role = "PARTNER" });

        var grants = await fixture.PostAsync(await fixture.La901.AccessTokenAsync(Admin), "{ accessGrants { email } }");

        Assert.False(grants.HasErrors, grants.Body);
        Assert.DoesNotContain(grants.Data.GetProperty("accessGrants").EnumerateArray(), g => g.GetProperty("email").GetString() == "only-in-902@la902.test");
    }

    [Theory]
    [InlineData("{ email: \"someone@elsewhere.test\", role: LA_OFFICER }", "email")]
    [InlineData("{ email: \"staff@la901.test\", role: AP_STAFF }", "urn")]
    [InlineData("{ email: \"staff@la901.test\", role: LA_OFFICER, urn: \"100001\" }", "urn")]
    [InlineData("{ email: \"staff@la901.test\", subject: \"abc\", role: LA_OFFICER }", "email")]
    [InlineData("{ email: \"staff@la901.test\", role: LA_OFFICER, expiresOn: \"2001-01-01\" }", "expiresOn")]
    public async Task A_grant_that_breaks_a_rule_is_refused_naming_the_field(string input, string field)
    {
        var admin = await fixture.La901.AccessTokenAsync(Admin);

        var response = await fixture.PostAsync(admin, $"mutation {{ grantAccess(input: {input}) {{ id }} }}");

        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Equal(field, response.FirstErrorField);
    }

    private async Task<string> ApSettingAsync()
    {
        var la = await fixture.DevTokenAsync("901", "LA_OFFICER");
        var settings = await fixture.PostAsync(la, "{ localAuthority { apSettings { urn } } }");
        return settings.Data.GetProperty("localAuthority").GetProperty("apSettings")[0].GetProperty("urn").GetString()!;
    }

    private async Task<ClientWebSocket> SubscribedAsync(string token)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(fixture.WebSocketUri, CancellationToken.None);
        await SendAsync(socket, new { type = "connection_init", payload = new { token } });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket)).GetProperty("type").GetString());
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = "subscription { capacityChanged { urn } }" } });
        return socket;
    }

    internal static async Task<int> ClosedWithAsync(ClientWebSocket socket, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close) return (int)socket.CloseStatus!.Value;
        }
    }
}
