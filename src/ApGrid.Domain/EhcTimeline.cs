namespace ApGrid.Domain;

/// <summary>
/// Statutory EHC needs assessment deadlines (SEND Regulations 2014): the decision whether
/// to assess within 6 weeks of the request, and the final plan within 20 weeks.
/// </summary>
/// <remarks>Every deadline of a case, and whether it is overdue, is <see cref="EhcDeadlines"/>'s.</remarks>
public static class EhcTimeline
{
    public const int DecisionDays = 6 * 7;

    public const int FinalDays = 20 * 7;

    public static DateOnly DecisionDue(DateOnly requestedOn) => requestedOn.AddDays(DecisionDays);

    public static DateOnly FinalDue(DateOnly requestedOn) => requestedOn.AddDays(FinalDays);

    /// <summary>12 calendar months after the last review, or after the final plan was issued if there has been none.</summary>
    /// <exception cref="DomainRuleException">The last review predates the plan it reviews.</exception>
    public static DateOnly AnnualReviewDue(DateOnly finalIssuedOn, DateOnly? lastReviewOn)
    {
        if (lastReviewOn < finalIssuedOn)
        {
            throw new DomainRuleException(DomainError.Validation(
                "lastReviewOn",
                $"The last annual review ({lastReviewOn:yyyy-MM-dd}) cannot be before the plan was issued ({finalIssuedOn:yyyy-MM-dd})."));
        }

        return (lastReviewOn ?? finalIssuedOn).AddMonths(12);
    }

    /// <summary>Whole weeks since the request; 0 for a request dated in the future, which is a data problem, not negative progress.</summary>
    public static int WeeksElapsed(DateOnly requestedOn, DateOnly asOf) =>
        Math.Max(0, (asOf.DayNumber - requestedOn.DayNumber) / 7);

    public static bool DecisionWithin6Weeks(DateOnly requestedOn, DateOnly decisionOn) =>
        decisionOn <= DecisionDue(requestedOn);

    public static bool IssuedWithin20Weeks(DateOnly requestedOn, DateOnly finalIssuedOn) =>
        finalIssuedOn <= FinalDue(requestedOn);
}
