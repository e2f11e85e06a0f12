using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Security;

/// <summary>
/// Refused credentials of every kind (bearer tokens, API keys, a WebSocket's connection_init) count
/// against their source address together: past the limit the source gets 429 with Retry-After, a
/// socket closes with 4429, whatever it presents, while other sources are served. Each test speaks
/// from a loopback address of its own (all of 127/8 is loopback), so nobody else is blocked.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class AuthenticationFailureLimitTests(RunningServerFixture server)
{
    private const int Limit = RunningServerFixture.MaxFailuresPerSource;

    [Fact]
    public async Task Bad_tokens_from_one_source_get_429_with_retry_after_then_even_a_good_token_waits()
    {
        using var handler = FromOwnAddress();
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        var good = await server.TokenAsync("901", "LA_OFFICER");

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < Limit + 2; attempt++)
        {
            using var response = await PostAsync(http, "Bearer", $"not-a-token-{attempt}");
            statuses.Add(response.StatusCode);
        }

        using var refused = await PostAsync(http, "Bearer", good);
        using var elsewhere = await PostAsync(server.Http, "Bearer", good);

        Assert.All(statuses.Take(Limit), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(Limit), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 300);
        Assert.Equal("RATE_LIMITED", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Bad_connection_inits_from_one_source_close_with_4429_and_count_with_bad_keys()
    {
        using var handler = FromOwnAddress();
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress };

        // Half the budget spent on API keys over HTTP, the rest on sockets: one count per source.
        for (var attempt = 0; attempt < Limit / 2; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ viewer { role } }" }) };
            request.Headers.Add("X-Api-Key", $"apgk.901.k-1.guess{attempt}");
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var closes = new List<int?>();
        for (var attempt = Limit / 2; attempt < Limit + 1; attempt++) closes.Add(await InitAsync(handler, $"not-a-token-{attempt}"));

        Assert.All(closes.Take(Limit - Limit / 2), c => Assert.Equal(4403, c));
        var last = await InitAsync(handler, await server.TokenAsync("901", "LA_OFFICER"));
        Assert.Equal(4429, closes[^1]);

        // Blocked now: a good token waits too; the upgrade itself is refused with 429.
        Assert.Equal(-429, last);
    }

    /// <summary>The close code after connection_init, or minus the HTTP status when the upgrade was refused.</summary>
    private async Task<int?> InitAsync(HttpMessageHandler handler, string token)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(server.WebSocketUri, new HttpMessageInvoker(handler, disposeHandler: false), CancellationToken.None);
        }
        catch (WebSocketException)
        {
            return -(int)socket.HttpStatusCode;
        }

        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(new { type = "connection_init", payload = new { token } }), WebSocketMessageType.Text, true, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[4096];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close) return (int?)socket.CloseStatus;
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string scheme, string credential)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ viewer { role } }" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, credential);
        return await http.SendAsync(request);
    }

    private static SocketsHttpHandler FromOwnAddress()
    {
        var address = IPAddress.Parse($"127.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(0, 250)}.{Random.Shared.Next(2, 250)}");
        return new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(address, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
    }
}
