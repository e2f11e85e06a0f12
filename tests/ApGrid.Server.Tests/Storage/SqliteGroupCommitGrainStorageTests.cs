namespace ApGrid.Server.Tests.Storage;

public sealed class SqliteGroupCommitGrainStorageTests(SqliteDatabaseFixture fixture)
    : GroupCommitGrainStorageTests<SqliteDatabaseFixture>(fixture);
