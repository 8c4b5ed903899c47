using Microsoft.Data.Sqlite;
using Npgsql;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Web.Tests.Support;

/// <summary>Which database a test runs on.</summary>
public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A real ledger database of its own for one test: a SQLite file in a fresh folder, or a uniquely named database
/// on the throwaway PostgreSQL server (POLICYLEDGER_TEST_PG), dropped afterwards. Without a server the PostgreSQL
/// tests are skipped, saying so; under CI=true they fail instead.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string Variable = "POLICYLEDGER_TEST_PG";

    private readonly string? _server;

    private TestDatabase(Provider provider)
    {
        Folder = Path.Combine(Path.GetTempPath(), "pl-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        if (provider == Provider.Postgres)
        {
            _server = Environment.GetEnvironmentVariable(Variable);
            var builder = new NpgsqlConnectionStringBuilder(_server) { Database = $"pl_web_{Guid.NewGuid():N}" };
            Database = LedgerDatabase.Postgres(builder.ConnectionString);
        }
        else
        {
            Database = LedgerDatabase.Sqlite(Path.Combine(Folder, "ledger.db"));
        }
    }

    public LedgerDatabase Database { get; }

    /// <summary>A folder of the test's own for files it writes.</summary>
    public string Folder { get; }

    public static TestDatabase Create(Provider provider)
    {
        if (provider == Provider.Postgres)
        {
            RequirePostgres();
        }

        return new TestDatabase(provider);
    }

    public static void RequirePostgres()
    {
        const string why = $"no PostgreSQL server: {Variable} is not set (eval \"$(bash scripts/start-postgres.sh)\" sets it; scripts/test.sh does)";
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"in CI the PostgreSQL tests must run: {why}");
            Skip.If(true, $"SKIPPED: {why}");
        }
    }

    /// <summary>Drops the PostgreSQL database now (the server stays): what a host sees when its database goes away.</summary>
    public void Drop()
    {
        if (Database.Provider != LedgerProvider.Postgres)
        {
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(Database.ConnectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Drop();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file; the temp folder is cleaned by the system.
        }
    }
}
