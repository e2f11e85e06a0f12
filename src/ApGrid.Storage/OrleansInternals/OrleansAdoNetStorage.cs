using System.Data.Common;

namespace ApGrid.Storage;

/// <summary>
/// What ApGrid relies on inside Orleans's ADO.NET grain storage, all in this folder: the row key
/// (<see cref="GrainStorageRowKey"/>), the row's parameter names (<see cref="GrainStorageRowParameters"/>)
/// and the provider's own write statement, read from OrleansQuery. None of it is public API of
/// Orleans, so it holds for <see cref="PinnedVersion"/> only; a test fails when the referenced
/// provider is another version or computes another key, and this folder is what to check then.
/// </summary>
public static class OrleansAdoNetStorage
{
    /// <summary>The Microsoft.Orleans.Persistence.AdoNet version the row key and statements were taken from.</summary>
    public const string PinnedVersion = "10.4.2";

    /// <summary>The provider's write: insert or update one row, checking its version, answering the new one (or nothing on a mismatch).</summary>
    public const string WriteQueryKey = "WriteToStorageKey";

    /// <summary>The write statement's parameter for the version the writer last read (null for a first write), beside the row's (<see cref="GrainStorageRowParameters"/>).</summary>
    public const string ExpectedVersionParameter = "GrainStateVersion";

    /// <summary>The text of the provider's write statement, as the storage scripts installed it.</summary>
    public static async Task<string> LoadWriteQueryAsync(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT QueryText FROM OrleansQuery WHERE QueryKey = '{WriteQueryKey}'";
        return (string?)await command.ExecuteScalarAsync().ConfigureAwait(false)
            ?? throw new InvalidOperationException($"OrleansQuery has no {WriteQueryKey}: the storage scripts were not applied.");
    }
}
