using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ApGrid.Server.Tests.Api;

[Collection(RunningServerCollection.Name)]
public sealed class LimitsTests(RunningServerFixture server)
{
    [Fact]
    public async Task A_query_deeper_than_allowed_is_refused_before_it_runs()
    {
        var token = await server.TokenAsync("901", "LA_OFFICER");
        var deep = "{ __schema { types { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", 14)) + "name"
            + string.Concat(Enumerable.Repeat(" }", 14 + 4)) + " }";

        var response = await server.PostAsync(token, deep);

        Assert.Equal("LIMIT_EXCEEDED", response.FirstErrorCode);
        Assert.False(response.Json.TryGetProperty("data", out var data) && data.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Too_many_aliases_are_refused()
    {
        var token = await server.TokenAsync("901", "LA_OFFICER");
        var query = "{ " + string.Join(' ', Enumerable.Range(0, 40).Select(i => $"a{i}: viewer {{ tenant }}")) + " }";

        var response = await server.PostAsync(token, query);

        Assert.Equal("LIMIT_EXCEEDED", response.FirstErrorCode);
    }

    [Fact]
    public async Task A_ten_megabyte_body_is_refused_without_being_read()
    {
        // Over a bare socket: the request announces 10 MB, sends 64 KB of it and then only reads. The
        // answer must come without the rest. (HttpClient, which writes the whole body before it reads,
        // sometimes met the closed connection first and threw a broken pipe instead of the 413.)
        var token = await server.TokenAsync("901", "LA_OFFICER");
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var head = $"POST /graphql HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nAuthorization: Bearer {token}\r\n" +
            $"Content-Type: application/json\r\nContent-Length: {10 * 1024 * 1024}\r\n\r\n";
        var clock = Stopwatch.StartNew();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var part = new byte[64 * 1024];
        Array.Fill(part, (byte)' ');
        await stream.WriteAsync(part);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var answer = new byte[1024];
        var read = await stream.ReadAsync(answer, timeout.Token);

        var statusLine = Encoding.ASCII.GetString(answer, 0, read).Split("\r\n")[0];
        Assert.StartsWith("HTTP/1.1 413 ", statusLine, StringComparison.Ordinal);
        Console.WriteLine($"10 MB body refused after 64 KB in {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_mutation_over_get_is_refused_with_405()
    {
        var token = await server.TokenAsync("901", "LA_OFFICER");
        var query = Uri.EscapeDataString("mutation { allocateOutreach { hoursPerWeek } }");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={query}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_subscription_over_http_is_refused()
    {
        var response = await server.PostAsync(await server.TokenAsync("901", "LA_OFFICER"), "subscription { changes { cursor } }");

        Assert.Equal(400, response.Status);
        Assert.Equal("BAD_REQUEST", response.FirstErrorCode);
    }

    [Fact]
    public async Task A_query_over_get_runs()
    {
        var token = await server.TokenAsync("901", "LA_OFFICER");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ viewer { tenant } }"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"data":{"viewer":{"tenant":"901"}}}""", Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }
}
