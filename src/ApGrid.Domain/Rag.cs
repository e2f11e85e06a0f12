namespace ApGrid.Domain;

/// <summary>Red, amber, green: how a provider's standing or a visit's findings read at a glance.</summary>
public enum Rag
{
    Green,
    Amber,
    Red,
}
