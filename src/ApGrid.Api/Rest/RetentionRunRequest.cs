namespace ApGrid.Api.Rest;

/// <summary>The body of POST /api/v1/retention-runs: only "dryRun": false changes anything.</summary>
public sealed record RetentionRunRequest(bool? DryRun);
