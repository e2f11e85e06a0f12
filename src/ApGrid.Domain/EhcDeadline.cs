namespace ApGrid.Domain;

/// <summary>One deadline of an EHC case: when it falls due and when, if ever, it was met.</summary>
/// <remarks>The due day itself is still in time, so a deadline is overdue only from the day after.</remarks>
public sealed record EhcDeadline(EhcDeadlineKind Kind, DateOnly DueOn, DateOnly? MetOn)
{
    public bool IsOverdueOn(DateOnly asOf) => MetOn is null && asOf > DueOn;
}
