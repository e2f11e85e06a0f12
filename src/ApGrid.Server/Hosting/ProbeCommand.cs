namespace ApGrid.Server.Hosting;

/// <summary>
/// `ApGrid.Server --probe URL`: GETs a health endpoint and exits 0 on 200, 1 otherwise. Container
/// health checks use it because the runtime image has no curl.
/// </summary>
public static class ProbeCommand
{
    /// <returns>The exit code when the arguments ask for a probe; null to run normally.</returns>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 2 || args[0] != "--probe") return null;
        if (!Uri.TryCreate(args[1], UriKind.Absolute, out var url)) return 2;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(url);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
