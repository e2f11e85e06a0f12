using Orleans.Concurrency;
using Orleans.Utilities;

namespace ApGrid.Grains;

/// <summary>
/// The tenant's change feed. Only the open page lives in this grain's state, and full pages move to
/// page grains, so an append writes at most one page whatever the feed's length.
/// </summary>
/// <remarks>
/// Appends commit in groups: every append that arrives while a write is in flight joins the next
/// write, so a tenant's feed stores as many entries per second as its callers bring rather than one
/// per storage round trip. That needs the grain reentrant; only <see cref="FlushAsync"/> changes the
/// state, one write at a time, and an append is answered only once a write holding it has succeeded.
/// </remarks>
[Reentrant]
public sealed partial class ChangeFeedGrain(
    [PersistentState("changeFeed")] IPersistentState<ChangeFeedState> state,
    TimeProvider clock,
    ILogger<ChangeFeedGrain> logger) : Grain, IChangeFeedGrain
{
    public const int PageSize = 256;

    private readonly ObserverManager<IChangeObserver> observers = new(TimeSpan.FromMinutes(3), logger);

    // Appends waiting for the next write, in arrival order.
    private List<PendingAppend> waiting = [];

    private Task? flushing;

    // Set when a write failed: what storage holds is then unknown, so this activation takes no more
    // appends and is dropped; the next one starts from storage.
    private Exception? failure;

    // Readers interleave with appends; they see only what storage holds.
    private long committed;

    private string LaCode => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        committed = state.State.LastSequence;
        return Task.CompletedTask;
    }

    public Task<ChangeEntry> AppendAsync(ChangeKind kind, string subjectId) => AppendAsync(kind, subjectId, null);

    public Task<ChangeEntry> AppendAsync(ChangeKind kind, string subjectId, ChangeDetail? detail)
    {
        if (failure is not null)
        {
            return Task.FromException<ChangeEntry>(new InvalidOperationException("The change feed is restarting after a failed write.", failure));
        }

        var append = new PendingAppend(kind, subjectId, detail);
        waiting.Add(append);
        // A finished flush may still be referenced here: it completes in the turn that finds nothing waiting.
        if (flushing is not { IsCompleted: false }) flushing = FlushAsync();
        return append.Stored.Task;
    }

    /// <summary>
    /// Writes what is waiting, group by group, until nothing is. A group never crosses a page
    /// boundary: the entries that do not fit wait for the next write, after the page is sealed.
    /// Observers hear of a group only after it is stored, in sequence order, before its callers.
    /// </summary>
    private async Task FlushAsync()
    {
        List<PendingAppend> group = [];
        try
        {
            while (waiting.Count > 0)
            {
                if (state.State.OpenPage.Count >= PageSize) await SealOpenPageAsync();

                var take = Math.Min(waiting.Count, PageSize - state.State.OpenPage.Count);
                group = waiting[..take];
                waiting = waiting[take..];
                var entries = new ChangeEntry[take];
                for (var i = 0; i < take; i++)
                {
                    entries[i] = new ChangeEntry(state.State.LastSequence + 1, group[i].Kind, clock.GetUtcNow(), group[i].SubjectId, group[i].Detail);
                    state.State.OpenPage.Add(entries[i]);
                    state.State.LastSequence = entries[i].Sequence;
                    ApGridTelemetry.ChangeEntries.Add(1, new KeyValuePair<string, object?>("kind", ContractNames.Of(entries[i].Kind)));
                }

                await state.WriteStateAsync();
                committed = state.State.LastSequence;
                await NotifyAsync(entries);
                WakeWebhooks();
                for (var i = 0; i < take; i++) group[i].Stored.SetResult(entries[i]);
                group = [];
            }
        }
#pragma warning disable CA1031 // every failure is handed to the callers whose appends it hit
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // The state in memory may now differ from storage (the write may or may not have landed),
            // so this activation takes no more appends; the next one starts from what storage holds.
            failure = ex;
            DeactivateOnIdle();
            LogWriteFailed(logger, ex, LaCode, group.Count + waiting.Count);
            foreach (var append in group.Concat(waiting)) append.Stored.TrySetException(ex);
            waiting = [];
        }
    }

    public async Task<IReadOnlyList<ChangeEntry>> ReadAsync(long after, int limit)
    {
        var result = new List<ChangeEntry>();
        limit = Math.Clamp(limit, 1, 1000);
        var upTo = committed;
        // Sealing replaces the open page rather than changing it, so this list stays what it was.
        var openPage = state.State.OpenPage;
        var openPageStart = openPage.Count > 0 ? openPage[0].Sequence : upTo + 1;
        var next = Math.Max(after + 1, 1);
        while (result.Count < limit && next < openPageStart)
        {
            var page = await GrainFactory.GetGrain<IChangeFeedPageGrain>(PageKey(PageOf(next))).ReadAsync();
            result.AddRange(page.Where(e => e.Sequence >= next).Take(limit - result.Count));
            next = (PageOf(next) + 1) * PageSize + 1;
        }

        result.AddRange(openPage.Where(e => e.Sequence > after && e.Sequence <= upTo).Take(limit - result.Count));
        return result;
    }

    public Task<long> GetLastSequenceAsync() => Task.FromResult(committed);

    public Task SubscribeAsync(IChangeObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IChangeObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Pages hold sequences [p*PageSize+1, (p+1)*PageSize]. The page grain is written before the open
    /// page is cleared, so a crash in between only makes the next append write the same page again.
    /// </summary>
    private async Task SealOpenPageAsync()
    {
        var page = state.State.OpenPage;
        var pageNumber = PageOf(page[0].Sequence);
        await GrainFactory.GetGrain<IChangeFeedPageGrain>(PageKey(pageNumber)).SealAsync(page);
        state.State.OpenPage = [];
        LogPageSealed(logger, LaCode, pageNumber);
    }

    /// <summary>
    /// The group is stored whatever happens here, so a failure to tell observers must not fail its
    /// appends; a node that missed it fills the gap from storage when the next entry arrives.
    /// </summary>
    private async Task NotifyAsync(ChangeEntry[] entries)
    {
        try
        {
            await observers.Notify(o => o.OnChangesAsync(entries));
        }
#pragma warning disable CA1031 // see summary: nothing a notification throws may reach the appenders
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogNotifyFailed(logger, ex, LaCode, entries[0].Sequence, entries[^1].Sequence);
        }
    }

    /// <summary>
    /// One one-way message per stored group: the LA's webhooks read what is new from the feed at
    /// their own cursors, so nothing here waits on them or needs to know whether any exist.
    /// </summary>
    private void WakeWebhooks() => GrainFactory.GetGrain<IWebhookRegistryGrain>(LaCode).WakeAsync().Ignore();

    private static long PageOf(long sequence) => (sequence - 1) / PageSize;

    private string PageKey(long page) => GrainKeys.For(LaCode, page.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change feed of {LaCode} stored {First}..{Last} but could not tell its observers")]
    private static partial void LogNotifyFailed(ILogger logger, Exception ex, string laCode, long first, long last);

    [LoggerMessage(Level = LogLevel.Error, Message = "Change feed of {LaCode} failed to store; {Count} appends fail and the feed restarts from storage")]
    private static partial void LogWriteFailed(ILogger logger, Exception ex, string laCode, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Change feed of {LaCode} sealed page {Page}")]
    private static partial void LogPageSealed(ILogger logger, string laCode, long page);
}
