namespace ApGrid.Server.Tests.Storage;

public sealed class SqliteAdoNetGrainStorageTests(SqliteDatabaseFixture fixture)
    : AdoNetGrainStorageTests<SqliteDatabaseFixture>(fixture);
