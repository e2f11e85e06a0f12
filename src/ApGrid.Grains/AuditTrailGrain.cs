namespace ApGrid.Grains;

/// <summary>
/// The tenant's access audit trail, built like the change feed: only the open page lives in this
/// grain's state and full pages move to page grains, so an append writes the same amount however
/// long the trail is. Entries are appended and read, never changed; retention removes the oldest
/// sealed pages whole once every entry on them is past its period (ADR 020).
/// </summary>
public sealed partial class AuditTrailGrain(
    [PersistentState("auditTrail")] IPersistentState<AuditTrailState> state,
    TimeProvider clock,
    IOptions<RetentionOptions> retention,
    ILogger<AuditTrailGrain> logger) : Grain, IAuditTrailGrain
{
    public const int PageSize = 128;

    /// <summary>A filtered read stops after this many sealed pages, so one read's cost is bounded; the reader continues from NextAfter.</summary>
    public const int MaxPagesPerRead = 32;

    // Readers interleave with appends; they see only what storage holds.
    private long committed;

    private string LaCode => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        committed = state.State.LastSequence;
        return Task.CompletedTask;
    }

    public async Task<long> AppendAsync(IReadOnlyList<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0) return committed;
        var at = clock.GetUtcNow();
        var written = 0;
        try
        {
            // A page is sealed only once all of it is stored, so a page grain never holds an entry
            // that a failed write could later give to another record under the same sequence.
            while (written < records.Count)
            {
                if (state.State.OpenPage.Count >= PageSize) await SealOpenPageAsync();
                foreach (var record in records.Skip(written).Take(PageSize - state.State.OpenPage.Count))
                {
                    var entry = new AuditEntry(state.State.LastSequence + 1, at, record);
                    state.State.OpenPage.Add(entry);
                    state.State.LastSequence = entry.Sequence;
                    written++;
                }

                await state.WriteStateAsync();
                committed = state.State.LastSequence;
            }
        }
        catch
        {
            // Memory may now be ahead of storage; the next activation starts from what was stored.
            DeactivateOnIdle();
            throw;
        }

        ApGridTelemetry.AuditWrites.Add(records.Count);
        return committed;
    }

    public async Task<AuditTrailPage> ReadAsync(long after, int limit, string? pupilId)
    {
        limit = Math.Clamp(limit, 1, 500);
        var entries = new List<AuditEntry>();
        var reached = Math.Max(after, state.State.ExpiredThrough);
        var upTo = committed;

        // Sealing replaces the open page rather than changing it, so this list stays what it was.
        var openPage = state.State.OpenPage;
        var openPageStart = openPage.Count > 0 ? openPage[0].Sequence : upTo + 1;
        var pagesRead = 0;
        while (entries.Count < limit && reached + 1 < openPageStart && pagesRead < MaxPagesPerRead)
        {
            var pageNumber = PageOf(reached + 1);
            var page = await GrainFactory.GetGrain<IAuditTrailPageGrain>(PageKey(pageNumber)).ReadAsync();
            pagesRead++;
            var from = reached;
            reached = Take(page.Where(e => e.Sequence > from), entries, limit, pupilId, reached, (pageNumber + 1) * PageSize);
        }

        if (entries.Count < limit && reached + 1 >= openPageStart)
        {
            var from = reached;
            reached = Take(openPage.Where(e => e.Sequence > from && e.Sequence <= upTo), entries, limit, pupilId, reached, upTo);
        }

        return new AuditTrailPage(entries, reached, reached < upTo);
    }

    public async Task<AuditExpiry> ExpireAsync(bool dryRun, string by, string role)
    {
        var before = RetentionRules.AuditCutoff(retention.Value.ToPolicy(), clock.GetUtcNow());
        var openPageStart = state.State.OpenPage.Count > 0 ? state.State.OpenPage[0].Sequence : state.State.LastSequence + 1;
        var through = state.State.ExpiredThrough;
        var entries = 0;
        var pages = new List<long>();
        for (var page = PageOf(through + 1); (page + 1) * PageSize < openPageStart; page++)
        {
            var read = await GrainFactory.GetGrain<IAuditTrailPageGrain>(PageKey(page)).ReadAsync();

            // An empty sealed page was cleared by a run that died before recording how far it got.
            if (read.Count > 0 && read[^1].At >= before) break;
            entries += read.Count;
            pages.Add(page);
            through = (page + 1) * PageSize;
        }

        if (dryRun || pages.Count == 0) return new AuditExpiry(entries, through, before, dryRun);

        // Pages go first and the marker after: a run killed in between leaves empty pages the next run passes over.
        foreach (var page in pages) await GrainFactory.GetGrain<IAuditTrailPageGrain>(PageKey(page)).ClearAsync();
        state.State.ExpiredThrough = through;
        await AppendAsync([new AuditRecord(by, role, "", AuditAction.Change,
            [$"retention removed {entries} audit entries (up to sequence {through}) made before {before.UtcDateTime:yyyy-MM-dd}"], AuditChannel.Rest)]);
        return new AuditExpiry(entries, through, before, dryRun);
    }

    /// <summary>Moves matching entries into <paramref name="into"/> until it is full; returns the last sequence looked at.</summary>
    private static long Take(IEnumerable<AuditEntry> candidates, List<AuditEntry> into, int limit, string? pupilId, long reached, long lastOfPage)
    {
        foreach (var entry in candidates)
        {
            if (into.Count == limit) return reached;
            reached = entry.Sequence;
            if (pupilId is null || string.Equals(entry.Record.PupilId, pupilId, StringComparison.Ordinal)) into.Add(entry);
        }

        return Math.Max(reached, lastOfPage);
    }

    /// <summary>
    /// Pages hold sequences [p*PageSize+1, (p+1)*PageSize]. The page grain is written before the open
    /// page is cleared, so a crash in between only makes the next append seal the same page again.
    /// </summary>
    private async Task SealOpenPageAsync()
    {
        var page = state.State.OpenPage;
        var pageNumber = PageOf(page[0].Sequence);
        await GrainFactory.GetGrain<IAuditTrailPageGrain>(PageKey(pageNumber)).SealAsync(page);
        state.State.OpenPage = [];
        LogPageSealed(logger, LaCode, pageNumber);
    }

    private static long PageOf(long sequence) => (sequence - 1) / PageSize;

    private string PageKey(long page) => GrainKeys.For(LaCode, page.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit trail of {LaCode} sealed page {Page}")]
    private static partial void LogPageSealed(ILogger logger, string laCode, long page);
}
