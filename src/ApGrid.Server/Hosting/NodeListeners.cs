using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace ApGrid.Server.Hosting;

/// <summary>
/// A node (the `node` role) listens twice: HTTP/1.1 on its own URLs, for health probes, operators
/// and callers with an API key; and HTTP/2 without TLS on Node:Http2Url, for gateways. Gateways multiplex their
/// requests over a few HTTP/2 connections, which costs the node far fewer reads, writes and
/// wake-ups per request than one HTTP/1.1 request per connection at a time. Kestrel speaks HTTP/2
/// without TLS only on an endpoint that speaks nothing else, hence the second address.
/// </summary>
public static class NodeListeners
{
    public const string DefaultHttp2Url = "http://localhost:5101";

    /// <summary>
    /// Listens on <paramref name="http1Urls"/> (';'-separated, as ASP.NET Core's Urls) for HTTP/1.1
    /// and on Node:Http2Url for HTTP/2. Written as Kestrel endpoint configuration, so every form of
    /// address Urls accepts (localhost, 0.0.0.0, *, a host name) is read by Kestrel itself.
    /// </summary>
    public static void Configure(WebApplicationBuilder builder, string http1Urls)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(http1Urls);
        var configured = builder.Configuration["Node:Http2Url"];
        var http2Url = string.IsNullOrWhiteSpace(configured) ? DefaultHttp2Url : configured.Trim();
        var endpoints = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Kestrel:Endpoints:NodeHttp2:Url"] = http2Url,
            ["Kestrel:Endpoints:NodeHttp2:Protocols"] = "Http2",
        };
        var urls = http1Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < urls.Length; i++)
        {
            if (string.Equals(urls[i].TrimEnd('/'), http2Url.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Node:Http2Url ({http2Url}) must differ from the node's HTTP/1.1 address: one port cannot serve both without TLS.");
            }

            endpoints[$"Kestrel:Endpoints:NodeHttp1_{i}:Url"] = urls[i];
            endpoints[$"Kestrel:Endpoints:NodeHttp1_{i}:Protocols"] = "Http1";
        }

        // The endpoints replace Urls. Emptied (";", as an empty value falls back to the one read at
        // start-up), Urls names no address, and Kestrel does not warn that it overrides them.
        endpoints[WebHostDefaults.ServerUrlsKey] = ";";
        builder.Configuration.AddInMemoryCollection(endpoints);
    }
}
