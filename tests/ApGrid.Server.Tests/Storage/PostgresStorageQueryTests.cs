namespace ApGrid.Server.Tests.Storage;

[Trait("Category", "Postgres")]
public sealed class PostgresStorageQueryTests(PostgresDatabaseFixture fixture)
    : StorageQueryContractTests<PostgresDatabaseFixture>(fixture);
