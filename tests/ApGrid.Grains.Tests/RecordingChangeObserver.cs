using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

/// <summary>A node's feed listener as the test client: keeps every message it gets, as sent.</summary>
internal sealed class RecordingChangeObserver : IChangeObserver
{
    private readonly List<IReadOnlyList<ChangeEntry>> messages = [];
    private readonly List<(int Count, TaskCompletionSource Heard)> waiters = [];

    public IReadOnlyList<IReadOnlyList<ChangeEntry>> Messages
    {
        get
        {
            lock (messages) return [.. messages];
        }
    }

    public int EntryCount => Messages.Sum(m => m.Count);

    /// <summary>
    /// Completes once this many entries have arrived, so a test awaits the deliveries themselves
    /// instead of polling; the timeout only turns a delivery that never comes into a failure.
    /// </summary>
    public Task WaitForEntriesAsync(int count, TimeSpan timeout)
    {
        lock (messages)
        {
            if (messages.Sum(m => m.Count) >= count) return Task.CompletedTask;
            var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, heard));
            return heard.Task.WaitAsync(timeout);
        }
    }

    public Task OnChangeAsync(ChangeEntry entry) => OnChangesAsync([entry]);

    public Task OnChangesAsync(IReadOnlyList<ChangeEntry> entries)
    {
        lock (messages)
        {
            messages.Add([.. entries]);
            var total = messages.Sum(m => m.Count);
            foreach (var waiter in waiters.Where(w => total >= w.Count).ToList())
            {
                waiters.Remove(waiter);
                waiter.Heard.TrySetResult();
            }
        }

        return Task.CompletedTask;
    }
}
