namespace ApGrid.Domain;

/// <summary>
/// The published outreach allocation rule (docs/outreach.md). Requests are taken in priority
/// order: more suspensions this term first, then younger pupils (a request that names no pupil
/// comes after those that do), then the longest waiting, then by id so the order is total. Each
/// request gets all the hours it asked for from the nearest setting that serves the pupil's key
/// stage and still has the free hours and room in its caseload; a request no setting can take
/// whole stays open for the next round rather than being split.
/// </summary>
public static class OutreachAllocator
{
    public static IReadOnlyList<OutreachAssignment> Allocate(
        IEnumerable<OutreachDemand> demands, IEnumerable<OutreachSupply> supplies, OutreachCaseloadCap cap)
    {
        ArgumentNullException.ThrowIfNull(demands);
        ArgumentNullException.ThrowIfNull(supplies);
        ArgumentNullException.ThrowIfNull(cap);

        var remaining = supplies.ToDictionary(s => s.Urn, StringComparer.Ordinal);
        var assignments = new List<OutreachAssignment>();
        foreach (var demand in InPriorityOrder(demands))
        {
            var chosen = remaining.Values
                .Where(s => CanTake(s, demand, cap))
                .OrderBy(s => Travel.GreatCircleKm(demand.SchoolLocation, s.Location))
                .ThenBy(s => s.Urn, StringComparer.Ordinal)
                .FirstOrDefault();
            if (chosen is null) continue;

            assignments.Add(new OutreachAssignment(demand.Id, chosen.Urn, demand.HoursRequested));
            remaining[chosen.Urn] = chosen with
            {
                HoursAllocated = chosen.HoursAllocated + demand.HoursRequested,
                Caseload = chosen.Caseload + 1,
            };
        }

        return assignments;
    }

    public static IEnumerable<OutreachDemand> InPriorityOrder(IEnumerable<OutreachDemand> demands)
    {
        ArgumentNullException.ThrowIfNull(demands);
        return demands
            .OrderByDescending(d => d.SuspensionsThisTerm)
            .ThenBy(d => d.PupilDateOfBirth is null)
            .ThenByDescending(d => d.PupilDateOfBirth)
            .ThenBy(d => d.RequestedOn)
            .ThenBy(d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>Whether a setting can take a request whole without passing its free hours or its caseload cap.</summary>
    public static bool CanTake(OutreachSupply supply, OutreachDemand demand, OutreachCaseloadCap cap)
    {
        ArgumentNullException.ThrowIfNull(supply);
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(cap);
        return (demand.PupilKeyStage is not { } keyStage || supply.KeyStages.Contains(keyStage))
            && Fits(supply.HoursPerWeek, supply.HoursAllocated, supply.Caseload, demand.HoursRequested, cap) is null;
    }

    /// <summary>The setting's own check when an allocation arrives: hours and caseload, whatever the allocator thought.</summary>
    /// <returns>null if the hours fit.</returns>
    public static DomainError? Fits(double hoursPerWeek, double hoursAllocated, int caseload, double hours, OutreachCaseloadCap cap)
    {
        ArgumentNullException.ThrowIfNull(cap);
        if (hoursAllocated + hours > hoursPerWeek)
        {
            return DomainError.CapacityExhausted("hoursRequested", "The setting has too few outreach hours free.");
        }

        return caseload + 1 > cap.MaxPupils(hoursPerWeek)
            ? DomainError.CapacityExhausted("hoursRequested", "The setting's outreach caseload is full.")
            : null;
    }
}
