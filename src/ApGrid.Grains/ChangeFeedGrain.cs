using Orleans.Utilities;

namespace ApGrid.Grains;

/// <summary>
/// The tenant's change feed. Only the open page lives in this grain's state, and full pages move to
/// page grains, so an append writes at most one page whatever the feed's length.
/// </summary>
public sealed partial class ChangeFeedGrain(
    [PersistentState("changeFeed")] IPersistentState<ChangeFeedState> state,
    TimeProvider clock,
    ILogger<ChangeFeedGrain> logger) : Grain, IChangeFeedGrain
{
    public const int PageSize = 256;

    private readonly ObserverManager<IChangeObserver> observers = new(TimeSpan.FromMinutes(3), logger);

    // Readers interleave with appends; they see only what storage holds.
    private long committed;

    private string LaCode => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        committed = state.State.LastSequence;
        return Task.CompletedTask;
    }

    public async Task<ChangeEntry> AppendAsync(ChangeKind kind, string subjectId)
    {
        if (state.State.OpenPage.Count >= PageSize)
        {
            await SealOpenPageAsync();
        }

        var entry = new ChangeEntry(state.State.LastSequence + 1, kind, clock.GetUtcNow(), subjectId);
        state.State.OpenPage.Add(entry);
        state.State.LastSequence = entry.Sequence;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }

        committed = entry.Sequence;
        await observers.Notify(o => o.OnChangeAsync(entry));
        return entry;
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

    private static long PageOf(long sequence) => (sequence - 1) / PageSize;

    private string PageKey(long page) => GrainKeys.For(LaCode, page.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Change feed of {LaCode} sealed page {Page}")]
    private static partial void LogPageSealed(ILogger logger, string laCode, long page);
}
