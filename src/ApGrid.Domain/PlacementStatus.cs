namespace ApGrid.Domain;

public enum PlacementStatus
{
    Active,
    Ended,
}
