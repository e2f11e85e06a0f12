namespace ApGrid.Domain;

/// <summary>What a school's request for outreach must say.</summary>
public static class OutreachRules
{
    public const double MaxHoursRequested = 25;

    public const int MaxReasonLength = 1000;

    public const int MaxSuspensions = 100;

    /// <summary>Hours come in half-hour steps: that is how outreach is timetabled, and it keeps sums of hours exact.</summary>
    public static DomainError? ValidateRequest(string? reason, int suspensionsThisTerm, double hoursRequested, DateOnly requestedOn, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return DomainError.Validation("reason", "reason is required.");
        }

        if (reason.Length > MaxReasonLength)
        {
            return DomainError.Validation("reason", $"reason must be at most {MaxReasonLength} characters.");
        }

        if (suspensionsThisTerm is < 0 or > MaxSuspensions)
        {
            return DomainError.Validation("suspensionsThisTerm", $"suspensionsThisTerm must be between 0 and {MaxSuspensions}.");
        }

        if (!double.IsFinite(hoursRequested) || hoursRequested <= 0 || hoursRequested > MaxHoursRequested || hoursRequested * 2 != Math.Floor(hoursRequested * 2))
        {
            return DomainError.Validation("hoursRequested", $"hoursRequested must be more than 0 and at most {MaxHoursRequested}, in half-hour steps.");
        }

        return requestedOn > today ? DomainError.Validation("requestedOn", "requestedOn cannot be in the future.") : null;
    }
}
