using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using ApGrid.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace ApGrid.Gateway;

/// <summary>Per-tenant and per-API-key fixed windows, chained: a request must fit both.</summary>
internal static class GatewayRateLimiting
{
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, RateLimitOptions limits)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    TenantOf(context.User) is { } tenant
                        ? RateLimitPartition.GetFixedWindowLimiter("tenant:" + tenant, _ => Window(limits.PerTenant))
                        // Nobody to count against: anonymous paths are health, OpenAPI and WebSocket upgrades.
                        : RateLimitPartition.GetNoLimiter("anonymous")),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    context.User.FindFirst(ApGridClaims.ApiKey)?.Value is { } key
                        ? RateLimitPartition.GetFixedWindowLimiter("key:" + key, _ => Window(limits.PerApiKey))
                        : RateLimitPartition.GetNoLimiter("no-key")));
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? after
                    : limits.PerTenant.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await GatewayRefusals.WriteProblemAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "RATE_LIMITED",
                    string.Create(CultureInfo.InvariantCulture, $"Too many requests; try again in {seconds} s."));
            };
        });
        return services;
    }

    private static string? TenantOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst(ApGridClaims.Tenant)?.Value : null;

    private static FixedWindowRateLimiterOptions Window(WindowLimit limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = limit.Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
