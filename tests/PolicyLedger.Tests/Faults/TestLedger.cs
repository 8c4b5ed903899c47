using Microsoft.EntityFrameworkCore;
using Npgsql;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Faults;

/// <summary>
/// A fresh ledger for one test on the provider named ("sqlite": a file in a temp folder; "postgres": a database of
/// its own on the server POLICYLEDGER_TEST_PG names, dropped afterwards), with a folder for the test's files. A
/// PostgreSQL test without a server is skipped with the reason, and fails under CI=true, as the storage tests do.
/// </summary>
internal sealed class TestLedger : IDisposable
{
    private const string Variable = "POLICYLEDGER_TEST_PG";

    private TestLedger(string provider)
    {
        Folder = Directory.CreateTempSubdirectory("policyledger-faults-").FullName;
        if (provider == "postgres")
        {
            var server = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrWhiteSpace(server))
            {
                Directory.Delete(Folder, recursive: true);
                const string why = $"no PostgreSQL server: {Variable} is not set (eval \"$(bash scripts/start-postgres.sh)\" sets it; scripts/test.sh does)";
                Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"in CI the PostgreSQL tests must run: {why}");
                Skip.If(true, $"SKIPPED: {why}");
            }

            Server = server;
            Database = LedgerDatabase.Postgres(new NpgsqlConnectionStringBuilder(server) { Database = $"pl_faults_{Guid.NewGuid():N}" }.ConnectionString);
        }
        else
        {
            Database = LedgerDatabase.Sqlite(Path.Combine(Folder, "ledger.db"));
        }
    }

    public static TestLedger Create(string provider) => new(provider);

    public string Folder { get; }

    public LedgerDatabase Database { get; }

    private string? Server { get; }

    public bool IsPostgres => Database.Provider == LedgerProvider.Postgres;

    /// <summary>The --db value the CLI is given.</summary>
    public string DbArgument => IsPostgres ? Database.ConnectionString : Database.Display;

    /// <summary>CLI arguments on this ledger: --db first.</summary>
    public string[] Args(params string[] arguments) => ["--db", DbArgument, .. arguments];

    public string Write(string relative, string content)
    {
        var path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>
    /// <paramref name="count"/> distinct documents in <paramref name="folder"/>: the repository's sample documents, each
    /// copy made distinct by a closing line, so they share their units (as documents of one place do).
    /// </summary>
    public string Samples(string folder, int count, string tag = "")
    {
        var samples = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "samples"), "*.txt").Order(StringComparer.Ordinal).ToList();
        var target = Directory.CreateDirectory(Path.Combine(Folder, folder)).FullName;
        for (var i = 0; i < count; i++)
        {
            var sample = samples[i % samples.Count];
            File.WriteAllText(Path.Combine(target, $"{i:D4}-{Path.GetFileName(sample)}"), File.ReadAllText(sample) + $"\n（{folder}{tag}第{i}份）\n");
        }

        return target;
    }

    public LedgerContext Context() => Database.CreateContext();

    public async Task<long> CountAsync(Func<LedgerContext, Task<int>> count)
    {
        await using var context = Context();
        return await count(context);
    }

    /// <summary>Every stored document has all its items (nothing half-written).</summary>
    public async Task AssertWholeAsync()
    {
        await using var context = Context();
        Assert.Equal(0, await context.Documents.CountAsync(d => d.ItemCount != d.Items.Count));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (IsPostgres && Server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(Database.ConnectionString).Database}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a file still open by a killed child: the temp folder is cleaned by the system
        }
    }
}
