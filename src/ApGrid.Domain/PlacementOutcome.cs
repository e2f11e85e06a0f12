namespace ApGrid.Domain;

public enum PlacementOutcome
{
    ReturnedToMainstream,
    MovedToSpecialSchool,
    MovedToOtherAp,
    LeftEducation,
    Other,
}
