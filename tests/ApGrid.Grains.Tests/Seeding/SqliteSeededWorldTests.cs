namespace ApGrid.Grains.Tests.Seeding;

public sealed class SqliteSeededWorldTests(SqliteSeededClusterFixture fixture) : SeededWorldTests<SqliteSeededClusterFixture>(fixture);
