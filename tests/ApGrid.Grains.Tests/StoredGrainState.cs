using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace ApGrid.Grains.Tests;

/// <summary>Reads a grain's state row straight out of the SQLite file, bypassing every grain.</summary>
internal static class StoredGrainState
{
    public static async Task<T?> ReadAsync<T>(TestCluster cluster, string sqlitePath, string grainKey)
    {
        await using var connection = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE GrainIdExtensionString = $key AND PayloadBinary IS NOT NULL";
        command.Parameters.AddWithValue("$key", grainKey);
        var payload = (byte[]?)await command.ExecuteScalarAsync();
        return payload is null ? default : cluster.ServiceProvider.GetRequiredService<Serializer>().Deserialize<T>(payload);
    }
}
