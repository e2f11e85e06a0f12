using ApGrid.Domain;

namespace ApGrid.Server.Demo;

/// <summary>An EHC needs assessment requested for a demo pupil, and the milestones reached since, in order.</summary>
public sealed record DemoEhcCase(string PupilId, DateOnly RequestedOn, IReadOnlyList<DemoEhcMilestone> Milestones);

public sealed record DemoEhcMilestone(EhcpMilestone Milestone, DateOnly On);
