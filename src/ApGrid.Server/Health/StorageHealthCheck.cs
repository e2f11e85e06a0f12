using ApGrid.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ApGrid.Server.Health;

public sealed class StorageHealthCheck(StorageOptions storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await StorageSchema.CanConnectAsync(storage, cancellationToken)
            ? HealthCheckResult.Healthy($"{storage.Provider} storage answers.")
            : HealthCheckResult.Unhealthy($"{storage.Provider} storage does not answer.");
}
