using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Security;

/// <summary>
/// WebSocket operations count against the same per-tenant window as HTTP requests: with 6 a
/// minute, 3 HTTP requests and 3 operations use it up, the next operation is refused with
/// RATE_LIMITED and the next HTTP request with 429, while another tenant is served.
/// </summary>
public sealed class WebSocketRateLimitTests(SmallRateLimitFixture server) : IClassFixture<SmallRateLimitFixture>
{
    [Fact]
    public async Task Operations_on_a_socket_and_http_requests_share_the_tenants_limit()
    {
        var busy = await server.TokenAsync("901", "LA_OFFICER");
        var other = await server.TokenAsync("902", "LA_OFFICER");
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, await PostAsync(busy));

        using var socket = await WsFrames.AcknowledgedAsync(server.WebSocketUri, busy);
        var answers = new List<string>();
        for (var i = 0; i < 4; i++) answers.Add(await WsFrames.OperationAsync(socket, $"op{i}"));

        Assert.Equal(["complete", "complete", "complete", "RATE_LIMITED"], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync(busy));
        using var otherSocket = await WsFrames.AcknowledgedAsync(server.WebSocketUri, other);
        Assert.Equal("complete", await WsFrames.OperationAsync(otherSocket, "fine"));
    }

    private async Task<HttpStatusCode> PostAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ viewer { tenant } }" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Http.SendAsync(request);
        return response.StatusCode;
    }
}
