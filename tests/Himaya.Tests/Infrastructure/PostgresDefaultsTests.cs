using Himaya.Platform;
using Npgsql;

namespace Himaya.Tests.Infrastructure;

public sealed class PostgresDefaultsTests
{
    [Fact]
    public void The_measured_defaults_are_added_to_a_plain_connection_string()
    {
        var b = new NpgsqlConnectionStringBuilder(DatabaseOptions.WithPostgresDefaults("Host=db;Database=himaya;Username=app"));
        b.NoResetOnClose.ShouldBeTrue();
        b.MaxAutoPrepare.ShouldBe(64);
        // Prepared, but planned for each execution's own values (generic plans chose the wrong index for some searches).
        b.Options.ShouldBe("-c plan_cache_mode=force_custom_plan");
        (b.Host, b.Database, b.Username).ShouldBe(("db", "himaya", "app"));
    }

    [Fact]
    public void What_the_connection_string_says_wins()
    {
        var b = new NpgsqlConnectionStringBuilder(DatabaseOptions.WithPostgresDefaults(
            "Host=db;No Reset On Close=false;MaxAutoPrepare=0;Options=-c statement_timeout=5000"));
        b.NoResetOnClose.ShouldBeFalse();
        b.MaxAutoPrepare.ShouldBe(0);
        b.Options.ShouldBe("-c statement_timeout=5000");

        var planned = new NpgsqlConnectionStringBuilder(DatabaseOptions.WithPostgresDefaults("Host=db;Options=-c plan_cache_mode=auto"));
        planned.MaxAutoPrepare.ShouldBe(64);
        planned.Options.ShouldBe("-c plan_cache_mode=auto");

        var withOptions = new NpgsqlConnectionStringBuilder(DatabaseOptions.WithPostgresDefaults("Host=db;Options=-c statement_timeout=5000"));
        withOptions.Options.ShouldBe("-c statement_timeout=5000 -c plan_cache_mode=force_custom_plan");
    }
}
