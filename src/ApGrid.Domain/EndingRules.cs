namespace ApGrid.Domain;

/// <summary>Ending a placement, and the follow-up owed to a pupil who goes back to mainstream.</summary>
public static class EndingRules
{
    /// <summary>Long enough for the first half term back to show whether the return is holding.</summary>
    public const int ReintegrationCheckInWeeks = 6;

    /// <remarks>An end on the start day is allowed: a placement that breaks down on day one still has to be closed.</remarks>
    public static DomainError? Validate(DateOnly endDate, DateOnly startDate, DateOnly today)
    {
        if (endDate < startDate)
        {
            return DomainError.Validation(
                "endDate",
                $"endDate ({endDate:yyyy-MM-dd}) cannot be before the placement started ({startDate:yyyy-MM-dd}).");
        }

        return endDate > today
            ? DomainError.Validation("endDate", $"endDate ({endDate:yyyy-MM-dd}) cannot be in the future; end the placement on the day it ends.")
            : null;
    }

    /// <summary>Returns to mainstream are the ones that most often break down, so only they get a check-in.</summary>
    public static DateOnly? ReintegrationCheckIn(PlacementOutcome outcome, DateOnly endDate) =>
        outcome == PlacementOutcome.ReturnedToMainstream
            ? endDate.AddDays(ReintegrationCheckInWeeks * 7)
            : null;
}
