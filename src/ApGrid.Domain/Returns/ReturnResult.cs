namespace ApGrid.Domain.Returns;

/// <summary>
/// A return's rows and its validation failures. A return with failures must not be filed:
/// <see cref="PupilIds"/> names every pupil it read (rows and failures), for the audit trail.
/// </summary>
public sealed record ReturnResult<TRow>(IReadOnlyList<TRow> Rows, IReadOnlyList<ReturnFailure> Failures, IReadOnlyList<string> PupilIds)
{
    public bool IsValid => Failures.Count == 0;
}
