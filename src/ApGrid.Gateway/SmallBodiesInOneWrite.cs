namespace ApGrid.Gateway;

/// <summary>
/// Reads a small request body (a GraphQL query, a REST update) before forwarding it, so the
/// request reaches the node as one write. YARP streams bodies and flushes the headers first, which
/// split every POST into two TCP segments, and the node woke twice to read one request. Bodies of
/// unknown length or over <see cref="MaxBytes"/> are streamed as before. YARP's own body copy still
/// does the reading, so a client that sends less than it declared fails the same way.
/// </summary>
internal sealed class SmallBodiesInOneWrite : DelegatingHandler
{
    public const int MaxBytes = 16 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { Headers.ContentLength: > 0 and <= MaxBytes and var length } streamed)
        {
            var bytes = new byte[length];
            using (var target = new MemoryStream(bytes, writable: true))
            {
                await streamed.CopyToAsync(target, cancellationToken);
                if (target.Position != length) throw new IOException($"The request body ended after {target.Position} of its {length} bytes.");
            }

            var buffered = new ByteArrayContent(bytes);
            foreach (var header in streamed.Headers) buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            request.Content = buffered;
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
