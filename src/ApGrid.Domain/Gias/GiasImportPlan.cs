namespace ApGrid.Domain.Gias;

/// <summary>What an import would do to one tenant, worked out before anything is written.</summary>
public sealed record GiasImportPlan(
    IReadOnlyList<GiasChange> Creates,
    IReadOnlyList<GiasChange> Updates,
    IReadOnlyList<SuccessorResolution> Successions,
    IReadOnlyList<GiasSkip> Skipped,
    int Unchanged);
