namespace ApGrid.Domain.Returns;

/// <summary>An AP placement as the returns read it; <paramref name="SessionsPerWeek"/> is the sessions booked on the census day.</summary>
public sealed record ReturnPlacement(
    string PlacementId,
    ReturnSetting Setting,
    PlacementRoute Route,
    DateOnly StartDate,
    DateOnly? EndDate,
    bool FullTime,
    int SessionsPerWeek)
{
    public bool RunsOn(DateOnly date) => StartDate <= date && (EndDate is not { } end || date <= end);
}
