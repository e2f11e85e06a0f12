namespace ApGrid.Grains.Abstractions;

/// <summary>What was done to a pupil's record; a change outranks a read in the same request.</summary>
public enum AuditAction
{
    Read,
    Change,
}
