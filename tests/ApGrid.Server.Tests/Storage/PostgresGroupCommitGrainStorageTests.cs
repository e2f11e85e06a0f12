namespace ApGrid.Server.Tests.Storage;

[Trait("Category", "Postgres")]
public sealed class PostgresGroupCommitGrainStorageTests(PostgresDatabaseFixture fixture)
    : GroupCommitGrainStorageTests<PostgresDatabaseFixture>(fixture);
