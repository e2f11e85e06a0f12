namespace ApGrid.Domain;

/// <summary>
/// What retention does to one pupil today: the kinds whose records go, the kinds past their period
/// but kept because a record is open, and whether the pupil's identity goes too (every kind past
/// its period and nothing kept), which leaves only an erased marker.
/// </summary>
public sealed record RetentionDecision(IReadOnlyList<RetainedRecordKind> Remove, IReadOnlyList<RetainedRecordKind> Held, bool EraseIdentity)
{
    public bool ChangesAnything => Remove.Count > 0 || EraseIdentity;
}
