using System.Data;
using System.Data.Common;
using Orleans.Storage;

namespace ApGrid.Server.Tests.Storage;

// Runs the stored queries the way Orleans 10.4's AdoNetGrainStorage and its
// RelationalStorage do: query text loaded with Orleans's own init query, a bare
// connection with no transaction, parameter names without a prefix, DbType taken
// from the CLR type, DBNull for null, and every row of every result set read.
public sealed class OrleansStyleQueryRunner(StorageDatabaseFixture database)
{
    private Dictionary<string, string>? _queries;

    public async Task<IReadOnlyDictionary<string, string>> LoadQueriesAsync()
    {
        if (_queries is null)
        {
            var rows = await ExecuteAsync(AdoNetGrainStorage.DefaultInitializationQuery, _ => { });
            _queries = rows.ToDictionary(r => (string)r["QueryKey"]!, r => (string)r["QueryText"]!);
        }

        return _queries;
    }

    public async Task<IReadOnlyList<(byte[]? Payload, int? Version)>> ReadAsync(StoredGrainKey key)
    {
        var rows = await ExecuteAsync((await LoadQueriesAsync())["ReadFromStorageKey"], c => AddKey(c, key));
        return rows.Select(r => (r["PayloadBinary"] as byte[], ToNullableInt(r["Version"]))).ToList();
    }

    // What Orleans makes of the result: SingleOrDefault of GetNullableInt32(...).ToString(),
    // so null means "no row", "" means "NULL", anything else is the new version.
    public async Task<string?> WriteAsync(StoredGrainKey key, int? version, byte[] payload)
    {
        var rows = await ExecuteAsync((await LoadQueriesAsync())["WriteToStorageKey"], c =>
        {
            AddKey(c, key);
            Add(c, "GrainStateVersion", version, DbType.Int32);
            Add(c, "PayloadBinary", payload, DbType.Binary);
        });
        return rows.Select(r => ToNullableInt(r["NewGrainStateVersion"]).ToString()).SingleOrDefault();
    }

    // Orleans reads the clear result positionally: GetValue(0).ToString().
    public async Task<string?> ClearAsync(StoredGrainKey key, int? version)
    {
        var rows = await ExecuteAsync((await LoadQueriesAsync())["ClearStorageKey"], c =>
        {
            AddKey(c, key);
            Add(c, "GrainStateVersion", version, DbType.Int32);
        });
        return rows.Select(r => r.GetAt(0).Value?.ToString() ?? string.Empty).SingleOrDefault();
    }

    private static int? ToNullableInt(object? value) =>
        value is null ? null : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);

    private static void AddKey(DbCommand command, StoredGrainKey key)
    {
        Add(command, "GrainIdHash", key.IdHash, DbType.Int32);
        Add(command, "GrainIdN0", key.N0, DbType.Int64);
        Add(command, "GrainIdN1", key.N1, DbType.Int64);
        Add(command, "GrainTypeHash", key.TypeHash, DbType.Int32);
        Add(command, "GrainTypeString", key.TypeString, DbType.String);
        Add(command, "GrainIdExtensionString", key.Extension, DbType.String);
        Add(command, "ServiceId", key.ServiceId, DbType.String);
    }

    private static void Add(DbCommand command, string name, object? value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
    }

    private async Task<List<OrderedDictionary<string, object?>>> ExecuteAsync(string sql, Action<DbCommand> parameters)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        parameters(command);
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<OrderedDictionary<string, object?>>();
        do
        {
            while (await reader.ReadAsync())
            {
                // Keyed case-insensitively because that is how GetOrdinal resolves names.
                var row = new OrderedDictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }
        }
        while (await reader.NextResultAsync());

        return rows;
    }
}
