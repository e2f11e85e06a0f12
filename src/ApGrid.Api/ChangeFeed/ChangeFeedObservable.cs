using System.Threading.Channels;

namespace ApGrid.Api.ChangeFeed;

/// <summary>
/// A tenant's changes as an observable: first what the stored feed holds after the cursor, then live
/// entries. Every entry is emitted once and in order; a live entry that skips ahead (a lapse, a node
/// restart) makes the stream read the missing ones from the stored feed first.
/// </summary>
public sealed class ChangeFeedObservable(ChangeFeedHub hub, string tenant, long? after) : IObservable<ChangeEntry>
{
    private const int ReadBatch = 500;

    public IDisposable Subscribe(IObserver<ChangeEntry> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var cancellation = new CancellationTokenSource();
        _ = RunAsync(observer, cancellation.Token);
        return new Subscription(cancellation);
    }

    private async Task RunAsync(IObserver<ChangeEntry> observer, CancellationToken cancellationToken)
    {
        // This flow outlives the request that started it; nested resolvers of each event call grains of the tenant.
        TenantContext.Set(tenant);
        var live = Channel.CreateUnbounded<ChangeEntry>(new UnboundedChannelOptions { SingleReader = true });
        try
        {
            // Listen before reading the backlog so nothing falls between the two.
            using var registration = await hub.ListenAsync(tenant, e => live.Writer.TryWrite(e));
            var feed = hub.Grains.GetGrain<IChangeFeedGrain>(tenant);
            var last = after ?? await TenantContext.RunAsync(tenant, feed.GetLastSequenceAsync);
            last = await CatchUpAsync(feed, last, long.MaxValue, observer, cancellationToken);

            await foreach (var entry in live.Reader.ReadAllAsync(cancellationToken))
            {
                if (entry.Sequence <= last) continue;
                if (entry.Sequence > last + 1) last = await CatchUpAsync(feed, last, entry.Sequence - 1, observer, cancellationToken);
                observer.OnNext(entry);
                last = entry.Sequence;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            observer.OnError(ex);
        }
    }

    private async Task<long> CatchUpAsync(IChangeFeedGrain feed, long last, long upTo, IObserver<ChangeEntry> observer, CancellationToken cancellationToken)
    {
        while (last < upTo && !cancellationToken.IsCancellationRequested)
        {
            var batch = await TenantContext.RunAsync(tenant, () => feed.ReadAsync(last, ReadBatch));
            if (batch.Count == 0) break;
            foreach (var entry in batch.TakeWhile(e => e.Sequence <= upTo))
            {
                observer.OnNext(entry);
                last = entry.Sequence;
            }

            if (batch.Count < ReadBatch || batch[^1].Sequence > upTo) break;
        }

        return last;
    }

    private sealed class Subscription(CancellationTokenSource cancellation) : IDisposable
    {
        // Not disposed: the running loop still reads its token after cancellation.
        public void Dispose() => cancellation.Cancel();
    }
}
