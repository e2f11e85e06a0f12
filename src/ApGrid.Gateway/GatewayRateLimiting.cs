using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using ApGrid.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace ApGrid.Gateway;

/// <summary>Per-tenant and per-API-key fixed windows (<see cref="CallerRateLimits"/>) in front of every request.</summary>
internal static class GatewayRateLimiting
{
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, RateLimitOptions limits)
    {
        // Shared with the WebSocket transport where it runs in this process (the `all` role).
        var callers = limits.ToCallerRateLimits();
        services.AddSingleton(callers);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = callers.Limiter.WithTranslatedKey<HttpContext>(
                context => (TenantOf(context.User), context.User.FindFirst(ApGridClaims.ApiKey)?.Value), leaveOpen: true);
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
}
