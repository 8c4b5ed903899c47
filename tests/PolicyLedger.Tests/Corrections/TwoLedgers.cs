using Npgsql;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tests.Ledger;

namespace PolicyLedger.Tests.Corrections;

/// <summary>
/// Two throwaway ledgers of one provider in a temp folder: SQLite files, or fresh databases on the PostgreSQL server
/// POLICYLEDGER_TEST_PG names (skipped without one, failed in CI); dropped and deleted when disposed.
/// </summary>
public sealed class TwoLedgers : IDisposable
{
    private readonly string? _server;

    private TwoLedgers(bool postgres)
    {
        Folder = Directory.CreateTempSubdirectory("policyledger-corr-").FullName;
        _server = postgres ? Environment.GetEnvironmentVariable(PostgresLedgerStorageTests.Variable) : null;
        IsPostgres = postgres;
        LedgerDatabase Make(string name) => string.IsNullOrWhiteSpace(_server)
            ? LedgerDatabase.Sqlite(Path.Combine(Folder, name + ".db"))
            : LedgerDatabase.Postgres(new NpgsqlConnectionStringBuilder(_server) { Database = $"pl_corr_{name}_{Guid.NewGuid():N}" }.ConnectionString);
        First = Make("first");
        Second = Make("second");
    }

    public static TwoLedgers Sqlite() => new(postgres: false);

    public static TwoLedgers Postgres() => new(postgres: true);

    public string Folder { get; }

    public bool IsPostgres { get; }

    public LedgerDatabase First { get; }

    public LedgerDatabase Second { get; }

    /// <summary>Skips the test, saying why, where the provider's server is absent; in CI (CI=true) fails instead.</summary>
    public void RequireServer()
    {
        const string why = $"no PostgreSQL server: {PostgresLedgerStorageTests.Variable} is not set (eval \"$(bash scripts/start-postgres.sh)\" sets it; scripts/test.sh does)";
        if (IsPostgres && string.IsNullOrWhiteSpace(_server))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"in CI the PostgreSQL tests must run: {why}");
            Skip.If(true, $"SKIPPED: {why}");
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!string.IsNullOrWhiteSpace(_server))
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
            connection.Open();
            foreach (var database in new[] { First, Second })
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(database.ConnectionString).Database}\" WITH (FORCE)";
                command.ExecuteNonQuery();
            }
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
