namespace ApGrid.LoadTest;

/// <summary>
/// The floor: bare Kestrel answering a fixed body, run as a child process so it has its own
/// runtime like the servers it is compared with. Nothing ApGrid does can be faster than this.
/// </summary>
internal static class FloorServer
{
    private const string Body = """{"data":{"apCapacity":[{"setting":{"urn":"140000","fullTimePlacesFree":3}}]}}""";

    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/", () => Results.Text(Body, "application/json"));
        await app.RunAsync();
    }
}
