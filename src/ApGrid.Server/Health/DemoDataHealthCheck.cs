using ApGrid.Grains.Abstractions;
using ApGrid.Server.Demo;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ApGrid.Server.Health;

/// <summary>
/// With demo data on, the node is ready only once every demo tenant is fully seeded; the report
/// names each tenant and what it holds, which is public register information, never pupil data.
/// </summary>
public sealed class DemoDataHealthCheck(IGrainFactory grains, IOptions<DemoDataOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled) return HealthCheckResult.Healthy("Demo data is off.");

        var data = new Dictionary<string, object>();
        var missing = new List<string>();
        foreach (var code in DemoWorld.TenantCodes)
        {
            var summary = await TenantContext.RunAsync(code, async () =>
            {
                var la = grains.GetGrain<ILocalAuthorityGrain>(code);
                if (!await la.IsSeededAsync()) return null;
                var profile = await la.GetProfileAsync();
                var registry = await la.GetRegistryAsync();
                return $"{profile?.Name}: {registry.Schools.Count} schools, {registry.ApSettings.Count} AP settings, {registry.SpecialSchools.Count} special schools";
            });
            if (summary is null) missing.Add(code); else data[code] = summary;
        }

        return missing.Count == 0
            ? HealthCheckResult.Healthy("Demo tenants are seeded.", data)
            : HealthCheckResult.Unhealthy($"Demo tenants not seeded yet: {string.Join(", ", missing)}.", data: data);
    }
}
