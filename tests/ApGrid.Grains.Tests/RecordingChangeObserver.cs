using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

/// <summary>A node's feed listener as the test client: keeps every message it gets, as sent.</summary>
internal sealed class RecordingChangeObserver : IChangeObserver
{
    private readonly List<IReadOnlyList<ChangeEntry>> messages = [];

    public IReadOnlyList<IReadOnlyList<ChangeEntry>> Messages
    {
        get
        {
            lock (messages) return [.. messages];
        }
    }

    public int EntryCount => Messages.Sum(m => m.Count);

    public Task OnChangeAsync(ChangeEntry entry) => OnChangesAsync([entry]);

    public Task OnChangesAsync(IReadOnlyList<ChangeEntry> entries)
    {
        lock (messages) messages.Add([.. entries]);
        return Task.CompletedTask;
    }
}
