using Npgsql;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tests.Ledger;

namespace PolicyLedger.Tests.Corrections;

/// <summary>The PostgreSQL side of the correction tests: skip without a server (fail in CI), drop the throwaway databases after.</summary>
internal static class PostgresSupport
{
    public static void Require(string? server)
    {
        const string why = $"no PostgreSQL server: {PostgresLedgerStorageTests.Variable} is not set (eval \"$(bash scripts/start-postgres.sh)\" sets it; scripts/test.sh does)";
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"in CI the PostgreSQL tests must run: {why}");
            Skip.If(true, $"SKIPPED: {why}");
        }
    }

    public static void Drop(string? server, params LedgerDatabase[] databases)
    {
        if (string.IsNullOrWhiteSpace(server))
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        foreach (var database in databases.Where(d => d.Provider == LedgerProvider.Postgres))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(database.ConnectionString).Database}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }
    }
}
