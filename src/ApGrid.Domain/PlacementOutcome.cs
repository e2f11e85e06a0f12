namespace ApGrid.Domain;

public enum PlacementOutcome
{
    ReturnedToMainstream,
    MovedToSpecialSchool,
    MovedToOtherAp,
    LeftEducation,
    Other,

    /// <summary>Ended by ApGrid on the school leaving date (last Friday of June of Year 11): post-16 education is a different system.</summary>
    ReachedSchoolLeavingAge,
}
