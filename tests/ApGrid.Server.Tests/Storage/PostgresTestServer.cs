using Npgsql;

namespace ApGrid.Server.Tests.Storage;

// CI always provides the server; a missing variable is a broken setup, so it fails
// rather than skips, and says how to fix it.
internal static class PostgresTestServer
{
    public const string VariableName = "APGRID_TEST_POSTGRES";

    public static string AdminConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(VariableName);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException(
                    $"{VariableName} is not set. Start the test PostgreSQL with `eval \"$(bash .ci/postgres.sh)\"` (as root) and rerun.");
            }

            return value;
        }
    }

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "apgrid_t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
