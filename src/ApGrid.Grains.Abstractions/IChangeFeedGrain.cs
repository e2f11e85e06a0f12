namespace ApGrid.Grains.Abstractions;

/// <summary>The tenant's change feed, keyed by LA code.</summary>
[Alias("ApGrid.IChangeFeedGrain")]
public interface IChangeFeedGrain : IGrainWithStringKey
{
    /// <summary>Stores the entry before answering, then pushes it to every subscribed node.</summary>
    [Alias("Append")]
    Task<ChangeEntry> AppendAsync(ChangeKind kind, string subjectId);

    /// <summary>As <see cref="AppendAsync(ChangeKind, string)"/>, with what the change did.</summary>
    [Alias("AppendDetailed")]
    Task<ChangeEntry> AppendAsync(ChangeKind kind, string subjectId, ChangeDetail? detail);

    /// <summary>Entries after a sequence number, oldest first, at most <paramref name="limit"/>.</summary>
    [AlwaysInterleave, Alias("Read")]
    Task<IReadOnlyList<ChangeEntry>> ReadAsync(long after, int limit);

    [AlwaysInterleave, Alias("GetLastSequence")]
    Task<long> GetLastSequenceAsync();

    /// <summary>Subscribes a node; a subscription lapses unless renewed within a few minutes.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(IChangeObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IChangeObserver observer);
}
