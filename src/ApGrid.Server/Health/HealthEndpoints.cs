using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ApGrid.Server.Health;

public static class HealthEndpoints
{
    /// <summary>
    /// /health/live says the process runs; /health/ready says it can serve: silo active, storage
    /// answering, demo data (when enabled) in place. Load balancers route only to ready nodes.
    /// </summary>
    public static WebApplication MapApGridHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync });
        return app;
    }

    /// <summary>The header an operator sends with Operations:HealthKey to read the checks' details.</summary>
    public const string OperatorKeyHeader = "X-Operator-Key";

    /// <summary>
    /// The status for anyone; which check failed and why only in Development or with the operator
    /// key, since check details name storage and cluster internals.
    /// </summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var detailed = context.RequestServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment() || IsOperator(context);
        if (!detailed) return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }, JsonOptions));
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static bool IsOperator(HttpContext context)
    {
        var key = context.RequestServices.GetRequiredService<IConfiguration>()["Operations:HealthKey"];
        var presented = context.Request.Headers[OperatorKeyHeader].ToString();
        return key is { Length: >= 16 } && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(key), System.Text.Encoding.UTF8.GetBytes(presented));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
