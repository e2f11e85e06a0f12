namespace ApGrid.Seed.Tests;

/// <summary>The same rows through the same writer with PostgreSQL's SQL: the provider's row format is the same.</summary>
[Trait("Category", "Postgres")]
public sealed class PostgresSeededWorldTests(PostgresSeededClusterFixture fixture) : SeededWorldTests<PostgresSeededClusterFixture>(fixture);
