namespace ApGrid.Grains.Abstractions;

/// <summary>
/// The tenant travels with every grain call in the Orleans request context. Only our own API sets it,
/// from validated claims; grains check it against their key.
/// </summary>
public static class TenantContext
{
    public const string RequestContextKey = "apgrid.tenant";

    public static string? Current => Orleans.Runtime.RequestContext.Get(RequestContextKey) as string;

    public static void Set(string laCode) => Orleans.Runtime.RequestContext.Set(RequestContextKey, laCode);

    public static void Clear() => Orleans.Runtime.RequestContext.Remove(RequestContextKey);

    /// <summary>Runs <paramref name="action"/> with the tenant set, restoring the previous value afterwards.</summary>
    public static async Task<T> RunAsync<T>(string laCode, Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var previous = Current;
        Set(laCode);
        try
        {
            return await action().ConfigureAwait(false);
        }
        finally
        {
            if (previous is null) Clear(); else Set(previous);
        }
    }

    public static Task RunAsync(string laCode, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return RunAsync<bool>(laCode, async () => { await action().ConfigureAwait(false); return true; });
    }
}
