using ApGrid.Auth;
using Microsoft.Extensions.Configuration;

namespace ApGrid.Gateway;

/// <summary>
/// The "RateLimits" configuration section. Every authenticated request counts against its tenant;
/// a request with an API key counts against that key as well, so one partner cannot use up its LA's
/// allowance alone. The defaults are well above what people and the test suite do.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    public WindowLimit PerTenant { get; set; } = new() { PermitLimit = 2000, Window = TimeSpan.FromSeconds(10) };

    public WindowLimit PerApiKey { get; set; } = new() { PermitLimit = 1000, Window = TimeSpan.FromSeconds(10) };

    /// <summary>The section as configured, validated.</summary>
    public static RateLimitOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var limits = new RateLimitOptions();
        configuration.GetSection(SectionName).Bind(limits);
        limits.Validate();
        return limits;
    }

    public CallerRateLimits ToCallerRateLimits() => new(PerTenant.PermitLimit, PerTenant.Window, PerApiKey.PermitLimit, PerApiKey.Window);

    public void Validate()
    {
        foreach (var (name, limit) in new[] { ("PerTenant", PerTenant), ("PerApiKey", PerApiKey) })
        {
            if (limit.PermitLimit < 1 || limit.Window <= TimeSpan.Zero)
            {
                throw new InvalidOperationException($"{SectionName}:{name} needs PermitLimit >= 1 and a positive Window.");
            }
        }
    }
}
