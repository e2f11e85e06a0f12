namespace ApGrid.Seed.Tests;

public sealed class SqliteSeededWorldTests(SqliteSeededClusterFixture fixture) : SeededWorldTests<SqliteSeededClusterFixture>(fixture);
