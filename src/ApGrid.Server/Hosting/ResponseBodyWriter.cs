using System.IO.Pipelines;

namespace ApGrid.Server.Hosting;

/// <summary>The in-process response's body writer: the pipe's, except that the first flush or write starts the response.</summary>
internal sealed class ResponseBodyWriter(InProcessExchange exchange, PipeWriter pipe) : PipeWriter
{
    public override bool CanGetUnflushedBytes => pipe.CanGetUnflushedBytes;

    public override long UnflushedBytes => pipe.UnflushedBytes;

    public override void Advance(int bytes) => pipe.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => pipe.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => pipe.GetSpan(sizeHint);

    public override void CancelPendingFlush() => pipe.CancelPendingFlush();

    // The application completes the body through IHttpResponseBodyFeature.CompleteAsync, which starts the response first.
    public override void Complete(Exception? exception = null) => exchange.CompleteAsync().GetAwaiter().GetResult();

    public override ValueTask CompleteAsync(Exception? exception = null) => new(exchange.CompleteAsync());

    public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        await exchange.StartResponseAsync();
        return await pipe.FlushAsync(cancellationToken);
    }

    public override async ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        await exchange.StartResponseAsync();
        return await pipe.WriteAsync(source, cancellationToken);
    }
}
