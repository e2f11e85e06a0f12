using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ApGrid.Server.Tests.Telemetry;

/// <summary>
/// A stand-in OpenTelemetry collector on loopback: takes OTLP/HTTP protobuf posts and reads the
/// spans out of /v1/traces with a few lines of protobuf wire-format decoding (no generated code).
/// </summary>
internal sealed class OtlpCollector : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;

    public OtlpCollector()
    {
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ListenAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public ConcurrentBag<Span> Spans { get; } = [];

    /// <summary>Every body received, traces and metrics, to search for what must never be sent.</summary>
    public ConcurrentBag<byte[]> Bodies { get; } = [];

    public sealed record Span(string TraceId, string SpanId, string ParentSpanId, string Name, string Scope, IReadOnlyDictionary<string, string> Attributes);

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

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var bytes = body.ToArray();
            Bodies.Add(bytes);
            if (context.Request.Url!.AbsolutePath == "/v1/traces") Read(bytes);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    // ExportTraceServiceRequest: 1 resource_spans { 2 scope_spans { 1 scope { 1 name } 2 spans { 1 trace_id 2 span_id 4 parent_span_id 5 name 9 attributes { 1 key 2 value { 1 string_value } } } } }
    private void Read(byte[] request)
    {
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1))
        {
            foreach (var scopeSpans in Fields(resourceSpans.Bytes).Where(f => f.Number == 2))
            {
                var fields = Fields(scopeSpans.Bytes).ToList();
                var scope = fields.Where(f => f.Number == 1).SelectMany(f => Fields(f.Bytes)).FirstOrDefault(f => f.Number == 1);
                var scopeName = scope.Bytes is null ? "" : Encoding.UTF8.GetString(scope.Bytes);
                foreach (var span in fields.Where(f => f.Number == 2))
                {
                    var parts = Fields(span.Bytes).ToList();
                    string Hex(int number) => Convert.ToHexString(parts.FirstOrDefault(p => p.Number == number).Bytes ?? []).ToLowerInvariant();
                    var attributes = new Dictionary<string, string>();
                    foreach (var attribute in parts.Where(p => p.Number == 9))
                    {
                        var kv = Fields(attribute.Bytes).ToList();
                        var key = Encoding.UTF8.GetString(kv.First(f => f.Number == 1).Bytes!);
                        var value = kv.Where(f => f.Number == 2).SelectMany(f => Fields(f.Bytes)).FirstOrDefault(f => f.Number == 1);
                        attributes[key] = value.Bytes is null ? "" : Encoding.UTF8.GetString(value.Bytes);
                    }

                    Spans.Add(new Span(Hex(1), Hex(2), Hex(4), Encoding.UTF8.GetString(parts.First(p => p.Number == 5).Bytes!), scopeName, attributes));
                }
            }
        }
    }

    /// <summary>The fields of one message; length-delimited ones carry their bytes, the others none.</summary>
    private static IEnumerable<(int Number, byte[]? Bytes)> Fields(byte[]? message)
    {
        var position = 0;
        while (message is not null && position < message.Length)
        {
            var key = Varint(message, ref position);
            var number = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    Varint(message, ref position);
                    yield return (number, null);
                    break;
                case 1:
                    position += 8;
                    yield return (number, null);
                    break;
                case 2:
                    var length = (int)Varint(message, ref position);
                    yield return (number, message[position..(position + length)]);
                    position += length;
                    break;
                case 5:
                    position += 4;
                    yield return (number, null);
                    break;
                default:
                    throw new InvalidDataException("Unknown wire type " + (key & 7));
            }
        }
    }

    private static ulong Varint(byte[] bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
