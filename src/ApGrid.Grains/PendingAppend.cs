namespace ApGrid.Grains;

/// <summary>An append waiting for the change feed's next write; <see cref="Stored"/> completes once that write has succeeded.</summary>
internal sealed class PendingAppend(ChangeKind kind, string subjectId, ChangeDetail? detail)
{
    public ChangeKind Kind { get; } = kind;

    public string SubjectId { get; } = subjectId;

    public ChangeDetail? Detail { get; } = detail;

    // Asynchronous, so a caller's continuation never runs inside the flush loop.
    public TaskCompletionSource<ChangeEntry> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
