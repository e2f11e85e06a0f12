using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace ApGrid.Server.Storage;

public static class StorageSiloBuilderExtensions
{
    /// <summary>
    /// Grain state through Orleans's ADO.NET provider on the configured database, serialized with the
    /// Orleans binary serializer so state classes version by their [Id]s. The schema must exist
    /// before the silo starts: the host applies it (StorageSchemaInstaller) ahead of Orleans.
    /// </summary>
    public static ISiloBuilder AddApGridStorage(this ISiloBuilder builder, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var connectionString = options.BuildConnectionString();
        return builder.AddAdoNetGrainStorageAsDefault(o => o.Configure<Serializer>((storage, serializer) =>
        {
            storage.Invariant = options.AdoInvariant;
            storage.ConnectionString = connectionString;
            storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
    }
}
