namespace ApGrid.Grains;

/// <summary>
/// One activation's view of the follow-ups its grain's state owes (<see cref="FollowUp"/>): adds
/// them to the next write, makes them after it, and knows whether storage still lists some that
/// have been made since, which the grain's next write (or its deactivation) then clears.
/// </summary>
internal sealed partial class FollowUpLedger(Func<List<FollowUp>> owed, Func<FollowUp, Task> make, ILogger logger, string owner)
{
    private bool abandoned;

    /// <summary>Storage still lists follow-ups that have been made since the last write.</summary>
    public bool StoredMade { get; private set; }

    public bool Any => owed().Count > 0;

    /// <summary>Adds follow-ups to the next write; one already owed is not owed twice.</summary>
    public void Owe(params FollowUp[] followUps)
    {
        var list = owed();
        foreach (var followUp in followUps)
        {
            if (!list.Contains(followUp)) list.Add(followUp);
        }
    }

    /// <summary>Called after each successful write: storage now holds exactly what is owed.</summary>
    public void Stored() => StoredMade = false;

    /// <summary>
    /// Called when a write fails: the activation now holds a change storage refused, and is being
    /// dropped, so nothing it still runs may tell others of that change or write it after all.
    /// </summary>
    public void Abandon()
    {
        abandoned = true;
        StoredMade = false;
    }

    /// <summary>
    /// Makes the owed calls in the order they were owed, stopping at the first that fails: the
    /// change is accepted once written, so that one is logged and stays owed with all after it, made
    /// again on the grain's next change, its next activation or the storage's sweep. In order, so the
    /// LA never hears of a placement's end before its start. The caller is never told a stored
    /// change failed.
    /// </summary>
    public async Task MakeAsync()
    {
        var list = owed();
        while (!abandoned && list.Count > 0)
        {
            var followUp = list[0];
            try
            {
                await make(followUp);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogFailed(logger, ex, owner, followUp.Kind, followUp.SubjectId);
                return;
            }

            list.RemoveAt(0);
            StoredMade = true;
        }
    }

    /// <summary>When the activation ends: one write clears from storage what has been made since the last, so neither the next activation nor the sweep makes it again.</summary>
    public async Task ClearMadeAsync(Func<Task> write)
    {
        if (!StoredMade) return;
        try
        {
            await write();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Harmless: the next activation, or the sweep, makes them once more.
            LogClearFailed(logger, ex, owner);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Owner}: the follow-ups made could not be cleared from storage; they will be made again")]
    private static partial void LogClearFailed(ILogger logger, Exception ex, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Owner}: a change was stored but {Kind} for {SubjectId} was not made; it and any owed after it stay owed")]
    private static partial void LogFailed(ILogger logger, Exception ex, string owner, FollowUpKind kind, string subjectId);
}
