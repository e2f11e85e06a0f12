namespace ApGrid.Domain;

/// <summary>
/// The plan a placement is agreed on (objectives, timescale, review rhythm), when its reviews
/// fall due, and how the pupil is registered while it runs.
/// </summary>
public static class PlacementRules
{
    /// <summary>AP is meant to be short; a plan longer than this is really a school move and needs a different decision.</summary>
    public const int MaxPlanYears = 2;

    /// <summary>DfE guidance asks for reviews at least half-termly, and a half term is at most about 7 weeks.</summary>
    public const int MaxReviewEveryWeeks = 7;

    public const int MaxObjectives = 20;

    public static DomainError? ValidatePlan(
        DateOnly startDate, DateOnly plannedEndDate, int reviewEveryWeeks, IReadOnlyList<string>? objectives)
    {
        if ((DateRanges.CheckCalendar("startDate", startDate) ?? DateRanges.CheckCalendar("plannedEndDate", plannedEndDate)) is { } outside) return outside;
        if (plannedEndDate <= startDate)
        {
            return DomainError.Validation(
                "plannedEndDate",
                $"plannedEndDate ({plannedEndDate:yyyy-MM-dd}) must be after startDate ({startDate:yyyy-MM-dd}).");
        }

        var latestEnd = startDate.AddYears(MaxPlanYears);
        if (plannedEndDate > latestEnd)
        {
            return DomainError.Validation(
                "plannedEndDate",
                $"plannedEndDate ({plannedEndDate:yyyy-MM-dd}) must be no later than {latestEnd:yyyy-MM-dd}, {MaxPlanYears} years after the start.");
        }

        if (reviewEveryWeeks is < 1 or > MaxReviewEveryWeeks)
        {
            return DomainError.Validation(
                "reviewEveryWeeks",
                $"reviewEveryWeeks must be 1 to {MaxReviewEveryWeeks} so reviews happen at least half-termly, not {reviewEveryWeeks}.");
        }

        if (objectives is null || objectives.Count == 0)
        {
            return DomainError.Validation("objectives", "Agree at least one objective for the placement.");
        }

        if (objectives.Count > MaxObjectives)
        {
            return DomainError.Validation("objectives", $"List at most {MaxObjectives} objectives, not {objectives.Count}.");
        }

        var blank = objectives.ToList().FindIndex(string.IsNullOrWhiteSpace);
        return blank >= 0
            ? DomainError.Validation("objectives", $"Objective {blank + 1} is blank.")
            : null;
    }

    /// <summary>
    /// Counted from the last review actually held, so a late review moves the next one back rather
    /// than bunching them; counted in term weeks of <paramref name="calendar"/>
    /// (<see cref="SchoolCalendar.AddTermWeeks"/>), so "half-termly" means weeks of school, and a
    /// holiday never makes a review fall due.
    /// </summary>
    /// <exception cref="DomainRuleException">The interval is outside the plan rule, or the last review predates the placement.</exception>
    public static DateOnly NextReviewDue(SchoolCalendar calendar, DateOnly startDate, int reviewEveryWeeks, DateOnly? lastReviewOn)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (reviewEveryWeeks is < 1 or > MaxReviewEveryWeeks)
        {
            throw new DomainRuleException(DomainError.Validation(
                "reviewEveryWeeks",
                $"reviewEveryWeeks must be 1 to {MaxReviewEveryWeeks}, not {reviewEveryWeeks}."));
        }

        if (lastReviewOn < startDate)
        {
            throw new DomainRuleException(DomainError.Validation(
                "lastReviewOn",
                $"The last review ({lastReviewOn:yyyy-MM-dd}) cannot be before the placement started ({startDate:yyyy-MM-dd})."));
        }

        return calendar.AddTermWeeks(lastReviewOn ?? startDate, reviewEveryWeeks);
    }

    /// <summary>The due date itself is still in time, as with the EHC deadlines.</summary>
    public static bool IsReviewOverdue(DateOnly nextReviewDue, DateOnly today) => today > nextReviewDue;

    /// <summary>
    /// How the AP registers the pupil: a full-time pupil is on the AP's roll alone; a part-time
    /// pupil is dual registered with the AP as the subsidiary.
    /// </summary>
    public static Registration ApRegistration(bool fullTime) =>
        fullTime ? Registration.Single : Registration.Subsidiary;

    /// <summary>
    /// How the referring school registers the pupil. Part time, the school stays the main
    /// registration and stays accountable. Full time, the pupil is single registered at the AP
    /// and leaves the school's roll, so there is no school registration at all: null, rather than
    /// a value a caller might write into the school's census.
    /// </summary>
    public static Registration? SchoolRegistration(bool fullTime) =>
        fullTime ? null : Registration.Main;

    /// <summary>
    /// A change to a live placement takes effect on a day of its own life, no later than today: the
    /// setting's places move when the change is recorded, so a change recorded ahead would free a
    /// place that is still used.
    /// </summary>
    public static DomainError? ValidateAmendment(DateOnly effectiveFrom, DateOnly startDate, DateOnly plannedEndDate, DateOnly today)
    {
        if (effectiveFrom < startDate)
        {
            return DomainError.Validation("effectiveFrom", $"effectiveFrom ({effectiveFrom:yyyy-MM-dd}) cannot be before the placement started ({startDate:yyyy-MM-dd}).");
        }

        // Before its first day a placement's plan changes from its start; once running, on the day.
        if (effectiveFrom > today && !(effectiveFrom == startDate && startDate > today))
        {
            return DomainError.Validation("effectiveFrom", $"effectiveFrom ({effectiveFrom:yyyy-MM-dd}) cannot be in the future: record each step of a phased return on the day it happens (a placement not yet started changes from its startDate).");
        }

        var latestEnd = startDate.AddYears(MaxPlanYears);
        if (plannedEndDate <= effectiveFrom)
        {
            return DomainError.Validation("plannedEndDate", $"plannedEndDate ({plannedEndDate:yyyy-MM-dd}) must be after effectiveFrom ({effectiveFrom:yyyy-MM-dd}).");
        }

        return plannedEndDate > latestEnd
            ? DomainError.Validation("plannedEndDate", $"plannedEndDate ({plannedEndDate:yyyy-MM-dd}) must be no later than {latestEnd:yyyy-MM-dd}, {MaxPlanYears} years after the start.")
            : null;
    }

    /// <summary>Still running after its planned end: the LA and the commissioner decide whether to extend or end it.</summary>
    public static bool IsOverrunning(DateOnly plannedEndDate, DateOnly? endDate, DateOnly today) => endDate is null && today > plannedEndDate;
}
