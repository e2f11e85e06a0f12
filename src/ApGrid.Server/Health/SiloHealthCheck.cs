using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace ApGrid.Server.Health;

/// <summary>Ready only once this node's silo has joined its cluster and can take calls.</summary>
public sealed class SiloHealthCheck(ISiloStatusOracle siloStatus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(siloStatus.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy("The silo is active.")
            : HealthCheckResult.Unhealthy($"The silo is {siloStatus.CurrentStatus}."));
}
