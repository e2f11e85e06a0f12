namespace ApGrid.Grains.Abstractions;

/// <summary>What happened to a grant. Stored: numbers never change.</summary>
public enum AccessChangeKind
{
    Granted = 0,
    Changed = 1,
    Revoked = 2,
}
