using System.IO.Pipelines;
using System.Net;

namespace ApGrid.Server.Hosting;

/// <summary>The body of an in-process answer, read from the pipe the node writes into.</summary>
internal sealed class InProcessResponseContent(InProcessExchange exchange, PipeReader body) : HttpContent
{
    private int disposed;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => body.CopyToAsync(stream);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        body.CopyToAsync(stream, cancellationToken);

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(body.AsStream(leaveOpen: true));

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref disposed, 1) == 0) exchange.ResponseDisposed();
        base.Dispose(disposing);
    }
}
