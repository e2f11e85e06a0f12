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

    /// <summary>
    /// Where the pupil goes is part of the end: a school is named by URN, a child missing education
    /// needs a reason for the LA to act on, and a child of compulsory school age cannot simply
    /// "leave education" without one of those being recorded.
    /// </summary>
    public static DomainError? ValidateDestination(PlacementOutcome outcome, DestinationKind? kind, string? urn, string? reason, bool ofCompulsorySchoolAge)
    {
        if (kind is not { } destination)
        {
            return outcome == PlacementOutcome.LeftEducation && ofCompulsorySchoolAge
                ? DomainError.Validation(
                    "destination",
                    "A pupil of compulsory school age cannot leave education without a recorded destination: give ELECTIVE_HOME_EDUCATION, or MISSING_EDUCATION with a reason so the LA can find the child.")
                : null;
        }

        if (destination is DestinationKind.OtherSchool or DestinationKind.SpecialSchool or DestinationKind.OtherAp && !Urn.TryParse(urn, out _))
        {
            return DomainError.Validation("destination.urn", "Name the school the pupil moves to by its URN (six digits).");
        }

        if (destination == DestinationKind.MissingEducation && string.IsNullOrWhiteSpace(reason))
        {
            return DomainError.Validation("destination.reason", "Say why the destination is unknown: the LA must follow up a child missing education.");
        }

        return destination == DestinationKind.Post16 && ofCompulsorySchoolAge
            ? DomainError.Validation("destination", "POST_16 is for a pupil past the school leaving date; this pupil is still of compulsory school age.")
            : null;
    }

    public static DomainError? ValidateReintegrationPlan(DateOnly targetDate, IReadOnlyList<string>? steps, DateOnly startDate)
    {
        if (targetDate <= startDate)
        {
            return DomainError.Validation("targetDate", $"targetDate ({targetDate:yyyy-MM-dd}) must be after the placement started ({startDate:yyyy-MM-dd}).");
        }

        if (steps is null || steps.Count == 0) return DomainError.Validation("steps", "List at least one step back to school.");
        if (steps.Count > PlacementRules.MaxObjectives) return DomainError.Validation("steps", $"List at most {PlacementRules.MaxObjectives} steps, not {steps.Count}.");
        var blank = steps.ToList().FindIndex(string.IsNullOrWhiteSpace);
        return blank >= 0 ? DomainError.Validation("steps", $"Step {blank + 1} is blank.") : null;
    }

    public static DomainError? ValidateCheckIn(DateOnly date, DateOnly endDate, DateOnly today)
    {
        if (date < endDate)
        {
            return DomainError.Validation("date", $"A check-in ({date:yyyy-MM-dd}) follows the return, which was on {endDate:yyyy-MM-dd}.");
        }

        return date > today ? DomainError.Validation("date", $"date ({date:yyyy-MM-dd}) cannot be in the future.") : null;
    }
}
