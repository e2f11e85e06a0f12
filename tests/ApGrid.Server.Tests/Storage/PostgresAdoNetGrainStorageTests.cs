namespace ApGrid.Server.Tests.Storage;

public sealed class PostgresAdoNetGrainStorageTests(PostgresDatabaseFixture fixture)
    : AdoNetGrainStorageTests<PostgresDatabaseFixture>(fixture);
