namespace ApGrid.Domain;

/// <summary>
/// A placement review records the measures AP success is judged by: attendance, suspensions,
/// participation and wellbeing, not only attainment.
/// </summary>
public static class ReviewRules
{
    /// <summary>More than this in one review period is far more likely a typing slip than a fact.</summary>
    public const int MaxSuspensions = 50;

    public const int MinScore = 1;

    public const int MaxScore = 5;

    public const int MaxNotesLength = 2000;

    /// <remarks>
    /// A review must come strictly after the last one: two reviews on one day would double
    /// count in the trend the LA watches and almost always mean the same review saved twice.
    /// </remarks>
    public static DomainError? Validate(
        DateOnly date,
        double attendancePercent,
        int suspensions,
        int participation,
        int wellbeing,
        string? notes,
        DateOnly placementStart,
        DateOnly? lastReviewOn,
        DateOnly today)
    {
        if (date < placementStart)
        {
            return DomainError.Validation(
                "date",
                $"The review date ({date:yyyy-MM-dd}) cannot be before the placement started ({placementStart:yyyy-MM-dd}).");
        }

        if (date <= lastReviewOn)
        {
            return DomainError.Validation(
                "date",
                $"The review date ({date:yyyy-MM-dd}) must be after the last review ({lastReviewOn:yyyy-MM-dd}).");
        }

        if (date > today)
        {
            return DomainError.Validation("date", $"The review date ({date:yyyy-MM-dd}) cannot be in the future.");
        }

        if (!double.IsFinite(attendancePercent) || attendancePercent is < 0 or > 100)
        {
            return DomainError.Validation(
                "attendancePercent",
                $"attendancePercent must be a number from 0 to 100, not {attendancePercent}.");
        }

        if (suspensions is < 0 or > MaxSuspensions)
        {
            return DomainError.Validation(
                "suspensions",
                $"suspensions must be 0 to {MaxSuspensions}, not {suspensions}.");
        }

        return CheckScore(participation, "participation")
            ?? CheckScore(wellbeing, "wellbeing")
            ?? (notes is { Length: > MaxNotesLength }
                ? DomainError.Validation("notes", $"notes must be at most {MaxNotesLength} characters, not {notes.Length}.")
                : null);
    }

    private static DomainError? CheckScore(int score, string field) =>
        score is < MinScore or > MaxScore
            ? DomainError.Validation(field, $"{field} must be a score from {MinScore} to {MaxScore}, not {score}.")
            : null;
}
