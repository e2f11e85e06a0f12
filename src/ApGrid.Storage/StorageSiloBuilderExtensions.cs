using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.Storage;

namespace ApGrid.Storage;

public static class StorageSiloBuilderExtensions
{
    // Registration only. The schema must exist before the provider's lifecycle Init
    // reads OrleansQuery, and blocking on async work inside registration risks deadlocks
    // and hides failures, so the host awaits StorageSchema.EnsureCreatedAsync(options, ct)
    // before it builds the host, and then calls this.
    public static ISiloBuilder AddApGridStorage(this ISiloBuilder builder, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);

        options.Validate();
        var invariant = options.AdoInvariant;
        var connectionString = options.BuildConnectionString();

        // No DbProviderFactories registration: Orleans 10 ignores that registry and
        // loads the provider assembly by a fixed name per invariant.
        builder.AddAdoNetGrainStorageAsDefault(optionsBuilder => optionsBuilder
            .Configure<Serializer>((storage, serializer) =>
            {
                storage.Invariant = invariant;
                storage.ConnectionString = connectionString;
                // Orleans falls back to its JSON serializer when this is unset; grain state
                // types are [GenerateSerializer] contracts, so store their binary form,
                // which is versioned by field id rather than by member name.
                storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));

        GroupCommitWrites(builder.Services, options);
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<OutboxSweep>(sp, options));
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<OutboxSweep>());

        // Reminders live beside grain state, so a deadline sweep registered before a restart still fires after it.
        builder.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = invariant;
            reminders.ConnectionString = connectionString;
        });

        return builder;
    }

    /// <summary>Wraps the default grain storage Orleans registered (keyed "Default") in <see cref="GroupCommitGrainStorage"/>.</summary>
    private static void GroupCommitWrites(IServiceCollection services, StorageOptions options)
    {
        var registered = services.Single(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService
            && Equals(d.ServiceKey, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
        var create = registered.KeyedImplementationFactory!;
        services.Remove(registered);
        // A caller running several silos on one database in one process registers one shared instance first.
        services.TryAddSingleton<GrainWriteQueues>();
        services.AddKeyedSingleton<IGrainStorage>(registered.ServiceKey, (sp, key) => new GroupCommitGrainStorage(
            (IGrainStorage)create(sp, key),
            sp.GetRequiredService<GrainWriteQueues>(),
            options,
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            // The serializer the provider itself was given, so it reads back exactly what is written here.
            sp.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME).GrainStorageSerializer,
            sp.GetRequiredService<ILogger<GroupCommitGrainStorage>>()));
    }
}
