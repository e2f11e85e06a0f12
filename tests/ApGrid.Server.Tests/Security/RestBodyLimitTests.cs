using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Security;

/// <summary>
/// REST bodies are bounded like GraphQL's (`Rest:Limits:MaxRequestBodyBytes`, 256 KB): 413 with
/// problem details, never 500. Over a bare socket, since a client that writes the whole body before
/// reading may meet the closed connection first.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class RestBodyLimitTests(RunningServerFixture server)
{
    [Fact]
    public async Task A_30_megabyte_rest_body_is_refused_with_413_problem_details_before_it_is_read()
    {
        var (head, body) = await SendAsync(contentLength: 30L * 1024 * 1024, sent: 64 * 1024, chunked: false);

        Assert.StartsWith("HTTP/1.1 413 ", head, StringComparison.Ordinal);
        AssertLimitProblem(head, body);
    }

    [Fact]
    public async Task A_body_without_a_length_is_refused_with_413_once_it_passes_the_limit()
    {
        var (head, body) = await SendAsync(contentLength: null, sent: 512 * 1024, chunked: true);

        Assert.StartsWith("HTTP/1.1 413 ", head, StringComparison.Ordinal);
        AssertLimitProblem(head, body);
    }

    private static void AssertLimitProblem(string head, string body)
    {
        Assert.Contains("application/problem+json", head, StringComparison.OrdinalIgnoreCase);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("LIMIT_EXCEEDED", problem.GetProperty("code").GetString());
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Contains("262144 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<(string Head, string Body)> SendAsync(long? contentLength, int sent, bool chunked)
    {
        var token = await server.TokenAsync("901", "LA_OFFICER");
        var urn = (await server.ApSettingUrnsAsync("901"))[0];
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var length = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {contentLength}";
        var head = $"PUT /api/v1/ap-settings/{urn}/availability HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\n" +
            $"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n{length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        // The server may answer and stop reading before all of it is sent: a write that fails then is expected.
        var clock = Stopwatch.StartNew();
        try
        {
            var part = new byte[16 * 1024];
            // One long JSON string: the reader must keep reading to finish the token.
            Array.Fill(part, (byte)'a');
            "{\"note\":\""u8.CopyTo(part);
            for (var written = 0; written < sent; written += part.Length)
            {
                if (chunked) await stream.WriteAsync(Encoding.ASCII.GetBytes($"{part.Length:X}\r\n"));
                await stream.WriteAsync(part);
                if (chunked) await stream.WriteAsync("\r\n"u8.ToArray());
                Array.Fill(part, (byte)'a');
            }
        }
        catch (IOException)
        {
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var answer = new StringBuilder();
        var buffer = new byte[8192];
        while (!answer.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) || !answer.ToString().TrimEnd().EndsWith('}'))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0) break;
            answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        Console.WriteLine($"REST body refused in {clock.ElapsedMilliseconds} ms");
        var text = answer.ToString();
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var rawBody = text[(split + 4)..];
        return (text[..split], Unchunk(rawBody, text[..split]));
    }

    /// <summary>The problem's JSON, whether the answer came with a length or in chunks.</summary>
    private static string Unchunk(string body, string head)
    {
        if (!head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)) return body;
        var start = body.IndexOf('{', StringComparison.Ordinal);
        var end = body.LastIndexOf('}');
        return body[start..(end + 1)];
    }
}
