namespace ApGrid.Domain.Gias;

/// <summary>Where a closed URN's pupils go: the open successors found, and the closed URNs passed on the way.</summary>
public sealed record SuccessorResolution(string Urn, SuccessorOutcome Outcome, IReadOnlyList<string> Successors, IReadOnlyList<string> Via)
{
    /// <summary>The one successor when <see cref="Outcome"/> is <see cref="SuccessorOutcome.One"/>.</summary>
    public string? Successor => Outcome == SuccessorOutcome.One ? Successors[0] : null;
}
