namespace ApGrid.Server.Hosting;

public static class DevMemoryEndpoint
{
    /// <summary>
    /// Development only, with DevOperationHooks:Enabled (the API tests set it): GET /dev/memory
    /// collects garbage and tells the managed memory still held, so a test can see what a
    /// misbehaving client makes the node keep.
    /// </summary>
    public static WebApplication MapDevMemory(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment() || !app.Configuration.GetValue<bool>("DevOperationHooks:Enabled")) return app;
        app.MapGet("/dev/memory", () => Results.Ok(new { heldBytes = GC.GetTotalMemory(forceFullCollection: true) }));
        return app;
    }
}
