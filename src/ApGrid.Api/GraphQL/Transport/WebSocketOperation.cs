namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// One operation id's slot on a socket, taken before the operation starts so that a duplicate id is
/// refused and a <c>complete</c> that arrives while it is still starting is honoured: disposing it
/// cancels the start, and a subscription attached afterwards is disposed at once.
/// </summary>
public sealed class WebSocketOperation : IDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource cancellation;
    private IDisposable? subscription;
    private bool disposed;

    public WebSocketOperation(CancellationToken socketClosing)
    {
        cancellation = CancellationTokenSource.CreateLinkedTokenSource(socketClosing);
        Cancelled = cancellation.Token;
    }

    /// <summary>Taken once here: the token stays readable after the source is disposed.</summary>
    public CancellationToken Cancelled { get; }

    public bool IsDisposed
    {
        get
        {
            lock (gate) return disposed;
        }
    }

    /// <summary>False, with the subscription disposed, when the operation was completed while it started.</summary>
    public bool Attach(IDisposable started)
    {
        ArgumentNullException.ThrowIfNull(started);
        lock (gate)
        {
            if (!disposed)
            {
                subscription = started;
                return true;
            }
        }

        started.Dispose();
        return false;
    }

    /// <summary>Run once when the operation ends, however it ends: gives back the caller's place for it.</summary>
    public Action? OnEnded { get; set; }

    public void Dispose()
    {
        IDisposable? started;
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            started = subscription;
        }

        cancellation.Cancel();
        cancellation.Dispose();
        started?.Dispose();
        OnEnded?.Invoke();
    }
}
