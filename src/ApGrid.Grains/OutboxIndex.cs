namespace ApGrid.Grains;

/// <summary>
/// What the outbox tells grain storage about the state it is writing: whether that state holds
/// undelivered messages. Storage keeps an index of such grains (written in the same transaction as
/// the state) and wakes them after a crash; storage never looks inside grain state to find out.
/// Ambient for the one write: the outbox opens it around its own <c>WriteStateAsync</c>, and the
/// storage provider reads it inside that call.
/// </summary>
public static class OutboxIndex
{
    private static readonly AsyncLocal<bool?> Current = new();

    /// <summary>For the write in progress: true if the state holds undelivered messages, false if none, null if the writer has no outbox.</summary>
    public static bool? HasPendingMessages => Current.Value;

    /// <summary>Opens the ambient value for the writes that follow, until disposed.</summary>
    public static IDisposable Writing(bool hasPendingMessages)
    {
        Current.Value = hasPendingMessages;
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => Current.Value = null;
    }
}
