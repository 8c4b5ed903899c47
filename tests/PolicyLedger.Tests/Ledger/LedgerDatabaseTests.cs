using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Tests.Ledger;

public sealed class LedgerDatabaseTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5433;Database=ledger;Username=pl", LedgerProvider.Postgres, "postgresql://127.0.0.1:5433/ledger")]
    [InlineData("postgres://pl:secret@db.local:6000/ledger", LedgerProvider.Postgres, "postgresql://db.local:6000/ledger")]
    [InlineData("postgresql://pl@localhost/ledger", LedgerProvider.Postgres, "postgresql://localhost:5432/ledger")]
    [InlineData("/tmp/x/ledger.db", LedgerProvider.Sqlite, "/tmp/x/ledger.db")]
    [InlineData("Data Source=/tmp/y.db", LedgerProvider.Sqlite, "/tmp/y.db")]
    public void A_setting_names_a_provider_and_a_place(string setting, LedgerProvider provider, string display)
    {
        var database = LedgerDatabase.Parse(setting, NoEnvironment);
        Assert.Equal((provider, display), (database.Provider, database.Display));
        Assert.DoesNotContain("secret", database.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_setting_the_environment_then_the_default_file_is_used()
    {
        Assert.Equal("/tmp/env.db", LedgerDatabase.Parse(null, v => v == LedgerDatabase.EnvironmentVariable ? "/tmp/env.db" : null).Display);
        Assert.Equal(Path.GetFullPath(LedgerDatabase.DefaultPath), LedgerDatabase.Parse("", NoEnvironment).Display);
    }

    [Fact]
    public void The_migrations_of_each_provider_match_the_model()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges(), "the SQLite migrations lag the model: run scripts/add-migration.sh NAME");
        Assert.False(postgres.Database.HasPendingModelChanges(), "the PostgreSQL migrations lag the model: run scripts/add-migration.sh NAME");
        Assert.NotEmpty(sqlite.Database.GetMigrations());
        Assert.Equal(sqlite.Database.GetMigrations().Count(), postgres.Database.GetMigrations().Count());
    }

    [Fact]
    public async Task The_sqlite_file_and_its_folder_are_created_on_first_use()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"policyledger-db-{Guid.NewGuid():N}", "nested");
        try
        {
            var database = LedgerDatabase.Sqlite(Path.Combine(folder, "ledger.db"));
            await using (var context = await database.OpenAsync())
            {
                Assert.Equal(0, await context.Documents.CountAsync());
            }

            Assert.True(File.Exists(Path.Combine(folder, "ledger.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
