namespace ApGrid.Server.Tests.Storage;

public sealed class PostgresStorageQueryTests(PostgresDatabaseFixture fixture)
    : StorageQueryContractTests<PostgresDatabaseFixture>(fixture);
