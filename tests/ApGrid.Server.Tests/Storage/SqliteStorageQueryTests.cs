namespace ApGrid.Server.Tests.Storage;

public sealed class SqliteStorageQueryTests(SqliteDatabaseFixture fixture)
    : StorageQueryContractTests<SqliteDatabaseFixture>(fixture);
