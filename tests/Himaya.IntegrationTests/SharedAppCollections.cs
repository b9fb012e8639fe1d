namespace Himaya.IntegrationTests;

/// <summary>
/// Test classes that share one app per database instead of each starting a host that migrates and seeds a database of
/// its own, which was a large share of their time. They read what they wrote by codes and names of their own, so they
/// do not see each other's rows; the classes of a collection run one after another. First the monitoring classes
/// (indicators, their editing, projects, the budget).
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

/// <summary>The same for the service directory's classes (services, their review, providers, coverage): one app per database.</summary>
[CollectionDefinition(Name)]
public sealed class ServicesOnSqliteCollection : ICollectionFixture<SqliteApp>
{
    public const string Name = "Services on SQLite";
}

[CollectionDefinition(Name)]
public sealed class ServicesOnPostgresCollection : ICollectionFixture<PostgresApp>
{
    public const string Name = "Services on PostgreSQL";
}
