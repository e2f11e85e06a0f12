using System.Collections.Concurrent;

namespace ApGrid.Storage;

/// <summary>
/// The write queue of each database this process writes grain state to, one per connection string:
/// SQLite takes one writer per file, so every writer of a file must go through the same queue and
/// its <see cref="GrainWriteQueue.Gate"/>. A singleton of the silo's service provider
/// (<see cref="StorageSiloBuilderExtensions.AddApGridStorage"/> adds one unless the caller did). A
/// process with several silos on one file gives them all one instance: the grain tests' two-silo
/// cluster puts the same object into each silo's services.
/// </summary>
public sealed class GrainWriteQueues
{
    private readonly ConcurrentDictionary<string, GrainWriteQueue> queues = new(StringComparer.Ordinal);

    /// <summary>Transactions committed by the queue of this database, whichever silo's writes they held.</summary>
    public long CommitsOf(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return queues.TryGetValue(options.BuildConnectionString(), out var queue) ? queue.Commits : 0;
    }

    internal GrainWriteQueue For(StorageOptions options, ILogger? logger) =>
        queues.GetOrAdd(options.BuildConnectionString(), _ => new GrainWriteQueue(options, logger));
}
