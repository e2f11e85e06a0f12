namespace ApGrid.Grains.Abstractions;

/// <summary>A node's listener on a tenant's feed; the node fans each entry out to its own subscribers.</summary>
[Alias("ApGrid.IChangeObserver")]
public interface IChangeObserver : IGrainObserver
{
    [OneWay, Alias("OnChange")]
    Task OnChangeAsync(ChangeEntry entry);

    /// <summary>
    /// Entries stored in one write, oldest first. The feed sends them as one message because Orleans
    /// does not keep the order of separate messages sent at once to a client; a listener that has
    /// nothing better to do takes them one by one, in order.
    /// </summary>
    [OneWay, Alias("OnChanges")]
    async Task OnChangesAsync(IReadOnlyList<ChangeEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries) await OnChangeAsync(entry);
    }
}
