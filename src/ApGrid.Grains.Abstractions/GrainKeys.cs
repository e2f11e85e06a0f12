namespace ApGrid.Grains.Abstractions;

/// <summary>
/// Every grain key starts with the tenant's LA code, so a key alone says whose data a grain holds
/// and the tenant call filter can check it without touching state.
/// </summary>
public static class GrainKeys
{
    public static string For(string laCode, string localId) => $"{laCode}/{localId}";

    public static string TenantOf(string grainKey)
    {
        var slash = grainKey.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? grainKey : grainKey[..slash];
    }

    public static string LocalIdOf(string grainKey)
    {
        var slash = grainKey.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? grainKey : grainKey[(slash + 1)..];
    }
}
