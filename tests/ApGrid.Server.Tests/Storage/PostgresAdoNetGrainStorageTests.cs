namespace ApGrid.Server.Tests.Storage;

[Trait("Category", "Postgres")]
public sealed class PostgresAdoNetGrainStorageTests(PostgresDatabaseFixture fixture)
    : AdoNetGrainStorageTests<PostgresDatabaseFixture>(fixture);
