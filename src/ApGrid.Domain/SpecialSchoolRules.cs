namespace ApGrid.Domain;

public static class SpecialSchoolRules
{
    public const int MaxPlaces = 1000;

    /// <summary>A special school's places may change, but never below the pupils already on roll.</summary>
    public static DomainError? ValidatePlaces(int places, int placesTaken)
    {
        if (places is < 0 or > MaxPlaces)
        {
            return DomainError.Validation("places", $"places must be between 0 and {MaxPlaces}.");
        }

        return places < placesTaken
            ? DomainError.Conflict("places", $"places cannot be {places}: {placesTaken} places are taken.")
            : null;
    }
}
