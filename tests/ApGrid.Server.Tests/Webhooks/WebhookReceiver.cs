using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ApGrid.Server.Tests.Webhooks;

/// <summary>
/// A partner's endpoint on loopback that checks each message as the Standard Webhooks
/// specification tells a receiver to, written here from the specification rather than with the
/// server's code: the three headers, a timestamp within five minutes, and an HMAC-SHA256 of
/// "id.timestamp.body" keyed with the base64 after "whsec_", compared in constant time against
/// each "v1," signature. It answers 503 while <see cref="Failing"/> and always 500 on /broken.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;

    public WebhookReceiver()
    {
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ListenAsync);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path}";

    /// <summary>The secret of each path, set once the server has handed it out.</summary>
    public ConcurrentDictionary<string, string> Secrets { get; } = new();

    public volatile bool Failing;

    /// <summary>Verified messages answered 2xx, in arrival order: (path, webhook-id, body).</summary>
    public ConcurrentQueue<(string Path, string Id, string Body)> Accepted { get; } = new();

    public ConcurrentQueue<string> Refused { get; } = new();

    public int Attempts;

    private async Task ListenAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref Attempts);
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.AbsolutePath.Trim('/');
            var problem = Verify(path, context.Request.Headers, body);
            if (problem is not null) Refused.Enqueue(problem);
            context.Response.StatusCode = problem is not null ? 400 : path == "broken" ? 500 : Failing ? 503 : 204;
            if (context.Response.StatusCode == 204) Accepted.Enqueue((path, context.Request.Headers["webhook-id"]!, body));
            context.Response.Close();
        }
    }

    private string? Verify(string path, System.Collections.Specialized.NameValueCollection headers, string body)
    {
        var id = headers["webhook-id"];
        var timestamp = headers["webhook-timestamp"];
        var signatures = headers["webhook-signature"];
        if (id is null || timestamp is null || signatures is null) return "a header is missing";
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300)
        {
            return "timestamp outside five minutes: " + timestamp;
        }

        if (!Secrets.TryGetValue(path, out var secret)) return "no secret for " + path;
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        foreach (var signature in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = signature.Split(',', 2);
            if (parts is ["v1", var value] && CryptographicOperations.FixedTimeEquals(expected, Convert.FromBase64String(value))) return null;
        }

        return "no signature matches: " + signatures;
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
