using ApGrid.Domain;

namespace ApGrid.Server.Demo;

/// <summary>An EHC needs assessment requested for a demo pupil, and the milestones reached since, in order.</summary>
public sealed record DemoEhcCase(string PupilId, DateOnly RequestedOn, IReadOnlyList<DemoEhcMilestone> Milestones)
{
    /// <summary>Who asked for the assessment, as SEN2 records it.</summary>
    public EhcRequestSource Source { get; init; } = EhcRequestSource.School;
}

public sealed record DemoEhcMilestone(EhcpMilestone Milestone, DateOnly On);
