namespace Himaya.IntegrationTests;

/// <summary>
/// The monitoring test classes (indicators, their editing, projects, the budget) share one app per database: each class
/// of their own started a host that migrated and seeded a database, a large share of their time for tests that only
/// ever read aggregates and write rows with codes of their own. They run one after another within a collection.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MonitoringOnSqliteCollection : ICollectionFixture<SqliteApp>
{
    public const string Name = "Monitoring on SQLite";
}

[CollectionDefinition(Name)]
public sealed class MonitoringOnPostgresCollection : ICollectionFixture<PostgresApp>
{
    public const string Name = "Monitoring on PostgreSQL";
}
