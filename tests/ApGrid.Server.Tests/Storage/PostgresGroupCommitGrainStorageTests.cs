namespace ApGrid.Server.Tests.Storage;

public sealed class PostgresGroupCommitGrainStorageTests(PostgresDatabaseFixture fixture)
    : GroupCommitGrainStorageTests<PostgresDatabaseFixture>(fixture);
