namespace ApGrid.Domain;

/// <summary>Ranks AP settings by the journey from the pupil's home school.</summary>
public static class TravelSearch
{
    /// <summary>
    /// Nearest first by journey time, then by distance. Ties keep the candidates' input order,
    /// so the same search always lists the same settings in the same order.
    /// </summary>
    /// <param name="maxMinutes">Drop journeys longer than this; null keeps every candidate. A journey exactly at the limit is kept.</param>
    /// <exception cref="DomainRuleException"><paramref name="maxMinutes"/> is negative.</exception>
    public static IReadOnlyList<TravelMatch<T>> Rank<T>(
        GeoPoint from,
        IEnumerable<(T Item, GeoPoint Location)> candidates,
        TravelSettings settings,
        int? maxMinutes)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(settings);
        CheckMaxMinutes(maxMinutes);

        return candidates
            .Select(c => new TravelMatch<T>(c.Item, Travel.Estimate(from, c.Location, settings)))
            .Where(m => maxMinutes is null || m.Estimate.Minutes <= maxMinutes)
            .OrderBy(m => m.Estimate.Minutes)
            .ThenBy(m => m.Estimate.DistanceKm)
            .ToList();
    }

    /// <summary>
    /// A caller may search tighter than the phase limit (a young or anxious child) but never
    /// looser, so a search cannot offer a journey the LA would not arrange.
    /// </summary>
    /// <exception cref="DomainRuleException"><paramref name="requestedMaxMinutes"/> is negative.</exception>
    public static int EffectiveLimit(int? requestedMaxMinutes, Phase phase, JourneyLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        CheckMaxMinutes(requestedMaxMinutes);

        var phaseLimit = limits.MaxMinutesFor(phase);
        return requestedMaxMinutes is { } requested ? Math.Min(requested, phaseLimit) : phaseLimit;
    }

    private static void CheckMaxMinutes(int? maxMinutes)
    {
        if (maxMinutes < 0)
        {
            throw new DomainRuleException(DomainError.Validation(
                "maxMinutes",
                $"maxMinutes must be 0 or more, not {maxMinutes}."));
        }
    }
}
