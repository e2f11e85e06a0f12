using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace ApGrid.Grains.Tests;

/// <summary>Reads a grain's state row straight out of the SQLite file, bypassing every grain.</summary>
internal static class StoredGrainState
{
    public static async Task<T?> ReadAsync<T>(InProcessTestCluster cluster, string sqlitePath, string grainKey)
    {
        await using var connection = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE GrainIdExtensionString = $key AND PayloadBinary IS NOT NULL";
        command.Parameters.AddWithValue("$key", grainKey);
        var payload = (byte[]?)await command.ExecuteScalarAsync();
        return payload is null ? default : cluster.Client.ServiceProvider.GetRequiredService<Serializer>().Deserialize<T>(payload);
    }

    /// <summary>
    /// A grain's stored state read through the primary silo's storage provider: for keys the SQLite
    /// row does not hold as text (a key that reads as a number, such as an LA code, is stored as one).
    /// </summary>
    public static async Task<T> ReadThroughProviderAsync<T>(InProcessTestCluster cluster, string stateName, GrainId grain) where T : new()
    {
        var storage = cluster.Silos[0].SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var stored = new GrainState<T>(new T());
        await storage.ReadStateAsync(stateName, grain, stored);
        return stored.State!;
    }

    /// <summary>The bytes of a grain's stored state: what every write of that grain rewrites.</summary>
    public static async Task<int> SizeAsync(string sqlitePath, string grainKey)
    {
        await using var connection = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT length(PayloadBinary) FROM OrleansStorage WHERE GrainIdExtensionString = $key AND PayloadBinary IS NOT NULL";
        command.Parameters.AddWithValue("$key", grainKey);
        return Convert.ToInt32(await command.ExecuteScalarAsync() ?? 0, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Rewrites a grain's row through the primary silo's own storage provider, as the grain's outbox
    /// would (version and outbox index included): what a crash right after a write leaves, or a write
    /// behind an active grain's back.
    /// </summary>
    public static async Task RewriteAsync<T>(InProcessTestCluster cluster, string stateName, GrainId grain, Action<T> change) where T : new()
    {
        var silo = cluster.Silos[0];
        var storage = silo.SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        // A deactivation that was still writing when the test began may take the version first: read again.
        for (var attempt = 1; ; attempt++)
        {
            var stored = new GrainState<T>(new T());
            await storage.ReadStateAsync(stateName, grain, stored);
            change(stored.State!);
            try
            {
                var outbox = typeof(T).GetProperty("Outbox")?.GetValue(stored.State) as System.Collections.ICollection;
                using (outbox is null ? null : OutboxIndex.Writing(outbox.Count > 0))
                {
                    await storage.WriteStateAsync(stateName, grain, stored);
                }

                return;
            }
            catch (InconsistentStateException) when (attempt < 5)
            {
                await Task.Delay(50);
            }
        }
    }
}
