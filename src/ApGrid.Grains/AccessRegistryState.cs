namespace ApGrid.Grains;

/// <summary>
/// A tenant's grants and their history. The history grows with administrators' decisions (a few a
/// week in an LA), not with daily work, so it lives in the state beside the grants.
/// </summary>
[GenerateSerializer, Alias("ApGrid.AccessRegistryState")]
public sealed class AccessRegistryState
{
    [Id(0)] public List<AccessGrant> Grants { get; set; } = [];

    [Id(1)] public List<AccessChange> History { get; set; } = [];

    [Id(2)] public long NextGrant { get; set; } = 1;

    [Id(3)] public List<ApiKeyRecord> ApiKeys { get; set; } = [];

    [Id(4)] public long NextApiKey { get; set; } = 1;
}
