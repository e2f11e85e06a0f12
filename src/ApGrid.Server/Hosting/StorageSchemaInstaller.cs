using ApGrid.Storage;

namespace ApGrid.Server.Hosting;

/// <summary>
/// Applies the database scripts before the silo starts: hosted services start in registration
/// order, and this one is registered ahead of Orleans, whose storage reads its queries on start.
/// </summary>
public sealed class StorageSchemaInstaller(StorageOptions storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => StorageSchema.EnsureCreatedAsync(storage, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
