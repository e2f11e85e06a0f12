using System.Net;
using System.Net.WebSockets;
using System.Text.Json;

namespace ApGrid.Server.Tests.SignIn;

/// <summary>The board's sign-in run by the server: code flow with PKCE, a session cookie that holds no token, CSRF, sign-out.</summary>
[Collection(SignInCollection.Name)]
public sealed class BoardSessionTests(SignInFixture fixture)
{
    [Fact]
    public async Task Signing_in_runs_the_code_flow_with_PKCE_and_leaves_only_an_HttpOnly_Secure_SameSite_cookie()
    {
        using var browser = new BoardSessionClient(fixture.BaseAddress);

        await browser.SignInAsync("901", "admin@la901.test");

        // The request went to the provider by pushed authorization (PAR), so the browser's address
        // carries only its reference; the provider here refuses any code flow without PKCE.
        var query = System.Web.HttpUtility.ParseQueryString(browser.AuthorizationRequest!.Query);
        Assert.StartsWith("urn:ietf:params:oauth:request_uri:", query["request_uri"], StringComparison.Ordinal);
        Assert.Null(query["code_challenge"]);
        var cookie = browser.SetCookies["apgrid.session"];
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        // Only a session key: nothing of the provider's tokens is in any cookie the browser holds.
        Assert.DoesNotContain(browser.SetCookies.Values, c => c.Contains("eyJ", StringComparison.Ordinal));

        using var viewer = await browser.GraphQLAsync("{ viewer { tenant role } }");
        var body = await viewer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        Assert.Contains("\"LA_ADMIN\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_changing_request_with_the_session_but_without_its_CSRF_token_is_refused()
    {
        using var browser = new BoardSessionClient(fixture.BaseAddress);
        await browser.SignInAsync("901", "admin@la901.test");

        using var refused = await browser.GraphQLAsync("{ viewer { tenant } }", withCsrf: false);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var read = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7Bviewer%7Btenant%7D%7D"));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_dies_with_it()
    {
        using var browser = new BoardSessionClient(fixture.BaseAddress);
        await browser.SignInAsync("901", "admin@la901.test");
        var copied = browser.CookieHeader;

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-out");
        signOut.Headers.Add("X-ApGrid-Csrf", browser.Csrf);
        using (var signedOut = await browser.SendAsync(signOut)) Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);

        using var replay = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7Bviewer%7Btenant%7D%7D");
        replay.Headers.Add("Cookie", copied);
        using var response = await fixture.Http.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_boards_WebSocket_authenticates_with_the_session_and_is_closed_when_it_ends()
    {
        using var browser = new BoardSessionClient(fixture.BaseAddress);
        await browser.SignInAsync("901", "admin@la901.test");
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        socket.Options.SetRequestHeader("Cookie", browser.CookieHeader);
        socket.Options.SetRequestHeader("Origin", fixture.BaseAddress.GetLeftPart(UriPartial.Authority));
        await socket.ConnectAsync(fixture.WebSocketUri, CancellationToken.None);

        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(new { type = "connection_init", payload = new { } }), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[4096];
        var ack = await socket.ReceiveAsync(buffer, new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        Assert.Contains("connection_ack", System.Text.Encoding.UTF8.GetString(buffer, 0, ack.Count), StringComparison.Ordinal);

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-out");
        signOut.Headers.Add("X-ApGrid-Csrf", browser.Csrf);
        (await browser.SendAsync(signOut)).Dispose();

        Assert.Equal(4403, await AccessGrantTests.ClosedWithAsync(socket, SignInFixture.AccessRecheck * 5));
    }

    [Fact]
    public async Task A_WebSocket_with_the_session_cookie_from_another_sites_page_is_refused()
    {
        using var browser = new BoardSessionClient(fixture.BaseAddress);
        await browser.SignInAsync("901", "admin@la901.test");
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        socket.Options.SetRequestHeader("Cookie", browser.CookieHeader);
        socket.Options.SetRequestHeader("Origin", "https://evil.example.test");

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(fixture.WebSocketUri, CancellationToken.None));
    }

    [Fact]
    public async Task Sign_in_for_a_tenant_without_a_provider_is_not_found()
    {
        using var response = await fixture.Http.GetAsync(new Uri("/auth/sign-in/999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
