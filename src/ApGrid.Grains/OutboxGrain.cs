namespace ApGrid.Grains;

/// <summary>
/// A grain that tells other grains about its changes through its <see cref="Outbox{TState}"/>: the
/// outbox's activation, deactivation and crash-recovery wiring, once for every such grain.
/// </summary>
public abstract class OutboxGrain<TState> : Grain, IOutboxOwner
{
    private readonly IPersistentState<TState> persistent;

    protected OutboxGrain(IPersistentState<TState> state, Func<TState, List<OutboxMessage>> outboxOf, ILogger logger)
    {
        persistent = state;
        Outbox = new(this, state, outboxOf, DeliverAsync, logger, OnStateWritten, Describe);
    }

    /// <summary>The grain's state as last read or changed; only <see cref="Outbox"/> writes it.</summary>
    protected TState State => persistent.State;

    protected Outbox<TState> Outbox { get; }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Outbox.OnActivate();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Outbox.OnDeactivateAsync();

    public Task ResumeOutboxAsync() => Outbox.ResumeAsync();

    /// <summary>After each successful write: a grain that answers reads from what is stored keeps its copy here.</summary>
    protected virtual void OnStateWritten()
    {
    }

    /// <summary>
    /// Called as a message is added, with the change made in memory but not yet written: a grain
    /// that tells the change feed attaches what changed here. By default the message is left as it is.
    /// </summary>
    protected virtual OutboxMessage Describe(OutboxMessage message) => message;

    /// <summary>Delivers one message from the state as it is now; must be idempotent.</summary>
    protected abstract Task DeliverAsync(OutboxMessage message);
}
