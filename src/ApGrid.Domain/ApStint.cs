namespace ApGrid.Domain;

/// <summary>
/// One placement as the LA's figures over time see it: who, when, in which year group at each
/// end, and at which kind of AP. <see cref="End"/> null means the pupil is still there.
/// <see cref="Type"/> is null only for placements recorded before the kind was kept.
/// </summary>
public sealed record ApStint(
    string PupilId,
    DateOnly DateOfBirth,
    ApType? Type,
    DateOnly Start,
    int StartYearGroup,
    DateOnly? End,
    int? EndYearGroup)
{
    /// <summary>The end date is the pupil's last day in the placement, so it counts.</summary>
    public bool InApOn(DateOnly date) => Start <= date && (End is not { } end || end >= date);
}
