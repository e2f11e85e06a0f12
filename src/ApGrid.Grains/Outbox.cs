namespace ApGrid.Grains;

/// <summary>
/// The transactional outbox: the one way a grain tells other grains about a change it has stored.
/// The grain adds the messages its change owes to its own state and writes them together with the
/// change (<see cref="CommitAsync"/>); the outbox then delivers them in order. A coordinator that
/// must call out before it can finish (reserve a place, claim a UPN) first writes its intent plus
/// the message that resolves it, so a recovery after a crash completes or undoes the step.
/// Delivery is at least once and every delivery is idempotent. Messages a crash left undelivered
/// are delivered when the grain next activates (storage's index wakes it, see <see cref="OutboxIndex"/>);
/// delivered ones leave storage with the grain's next write, or one write when it deactivates.
/// </summary>
public sealed partial class Outbox<TState>(
    IGrainBase grain, IPersistentState<TState> state, Func<TState, List<OutboxMessage>> messagesOf, Func<OutboxMessage, Task> deliver, ILogger logger,
    Action? written = null, Func<OutboxMessage, OutboxMessage>? describe = null)
{
    private bool abandoned;
    private bool deliveredSinceWrite;

    private List<OutboxMessage> Messages => messagesOf(state.State);

    public bool HasPending => Messages.Count > 0;

    /// <summary>
    /// Adds messages to the next write; one already pending is not added twice. Each is first
    /// described by the grain (a feed message gets what changed, while the state before the change
    /// is still known).
    /// </summary>
    public void Add(params OutboxMessage[] messages)
    {
        var pending = Messages;
        foreach (var added in messages)
        {
            var message = describe is null ? added : describe(added);
            if (!pending.Contains(message)) pending.Add(message);
        }
    }

    /// <summary>Takes back a message not yet delivered: its step finished in the same call.</summary>
    public void Remove(OutboxMessage message) => Messages.Remove(message);

    /// <summary>
    /// One step of a coordinator that must call out before it can finish: writes the intent (set on
    /// the state by the caller) with <paramref name="resolution"/>, makes the call, then takes the
    /// resolution back: the answer is the caller's to record with its next write. A call that throws
    /// leaves the resolution pending, so the outbox completes or undoes the step later.
    /// </summary>
    public async Task<T> RunStepAsync<T>(OutboxMessage resolution, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Add(resolution);
        await WriteAsync();
        var answer = await call();
        Remove(resolution);
        return answer;
    }

    /// <summary>Writes the change with the messages it owes, then delivers them.</summary>
    public async Task CommitAsync(params OutboxMessage[] messages)
    {
        Add(messages);
        await WriteAsync();
        await DeliverAsync();
    }

    /// <summary>
    /// Writes the state with its pending messages. If storage refuses, the activation holds a
    /// change that was never stored: it is dropped, delivers nothing more, and the next call starts
    /// again from storage.
    /// </summary>
    public async Task WriteAsync()
    {
        try
        {
            using (OutboxIndex.Writing(HasPending))
            {
                await state.WriteStateAsync();
            }
        }
        catch
        {
            abandoned = true;
            grain.DeactivateOnIdle();
            throw;
        }

        deliveredSinceWrite = false;
        written?.Invoke();
    }

    /// <summary>
    /// Delivers the pending messages in the order they were added, stopping at the first that
    /// fails (in order, so the LA never hears of a placement's end before its start). The failed
    /// one stays pending with all after it, delivered again on the grain's next commit or
    /// activation; the caller whose change was stored is not told of the failure.
    /// </summary>
    public async Task DeliverAsync()
    {
        var pending = Messages;
        while (!abandoned && pending.Count > 0)
        {
            var message = pending[0];
            try
            {
                await deliver(message);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogDeliveryFailed(logger, ex, grain.GrainContext.GrainId, message.Kind, message.SubjectId);
                return;
            }

            pending.Remove(message);
            deliveredSinceWrite = true;
        }
    }

    /// <summary>
    /// At activation: delivers what a crash left pending, from a one-off timer rather than from
    /// activation itself, because the grain may have been activated by a call from the very grain
    /// it owes a message, which would then wait on it.
    /// </summary>
    public void OnActivate()
    {
        if (HasPending) grain.RegisterGrainTimer(DeliverAsync, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>At deactivation: one write takes what was delivered since the last write out of storage (and off the index).</summary>
    public async Task OnDeactivateAsync()
    {
        if (!deliveredSinceWrite || abandoned) return;
        try
        {
            await WriteAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Harmless: the next activation delivers them again, and every delivery is idempotent.
            LogClearFailed(logger, ex, grain.GrainContext.GrainId);
        }
    }

    /// <summary>For storage's index after a crash: delivers what is pending and writes the result.</summary>
    public async Task ResumeAsync()
    {
        if (!state.RecordExists) return;
        await DeliverAsync();
        await WriteAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{GrainId}: a stored change's {Kind} message for {SubjectId} was not delivered; it and any after it stay in the outbox")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception ex, GrainId grainId, OutboxMessageKind kind, string subjectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{GrainId}: delivered outbox messages could not be cleared from storage; they will be delivered again")]
    private static partial void LogClearFailed(ILogger logger, Exception ex, GrainId grainId);
}
