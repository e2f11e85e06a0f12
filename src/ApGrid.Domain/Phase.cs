namespace ApGrid.Domain;

public enum Phase
{
    Primary,
    Secondary,
}
