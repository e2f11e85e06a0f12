namespace ApGrid.Server.Hosting;

public static class DevClockEndpoints
{
    /// <summary>GET tells the node's time; POST {"advanceDays": n, "advanceMinutes": m} moves it forward (never back: state would not make sense).</summary>
    public static WebApplication MapDevClock(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<AdjustableClock>() is not { } clock) return app;
        app.MapGet("/dev/clock", () => Results.Ok(new { now = clock.GetUtcNow(), offsetDays = clock.Offset.TotalDays }));
        app.MapPost("/dev/clock", (DevClockAdvance request) =>
        {
            if (request.AdvanceDays is < 0 or > 3650)
            {
                return Results.Problem(detail: "advanceDays must be between 0 and 3650.", statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["code"] = "VALIDATION", ["field"] = "advanceDays" });
            }

            if (request.AdvanceMinutes is < 0 or > 1440)
            {
                return Results.Problem(detail: "advanceMinutes must be between 0 and 1440.", statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["code"] = "VALIDATION", ["field"] = "advanceMinutes" });
            }

            clock.Advance(TimeSpan.FromDays(request.AdvanceDays) + TimeSpan.FromMinutes(request.AdvanceMinutes));
            return Results.Ok(new { now = clock.GetUtcNow(), offsetDays = clock.Offset.TotalDays });
        });
        return app;
    }
}
