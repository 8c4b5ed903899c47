using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PolicyLedger.Tests.Faults;

/// <summary>
/// Issue 15, finding 1: a killed process must never lock a ledger for good. Migrations run only when some are
/// pending, under a lock that dies with its process; a lock row EF Core left behind is cleared. Real CLI processes,
/// real kill -9.
/// </summary>
public sealed class MigrationLockTests
{
    /// <summary>Long enough for a command on a heavily loaded shared machine; a stuck lock never ends.</summary>
    private static readonly TimeSpan Soon = TimeSpan.FromMinutes(3);

    /// <summary>What "within seconds" must mean even on a loaded machine (a command takes 1–2 s on an idle one).</summary>
    private static readonly TimeSpan Seconds = TimeSpan.FromSeconds(90);

    // EF Core's SQLite migration lock: a row in this table, which nothing clears when its process dies.
    private const string EfLockTable = "CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL); INSERT INTO \"__EFMigrationsLock\" VALUES (1, '2026-01-01 00:00:00+00:00');";

    [Fact]
    public async Task A_lock_row_left_on_a_new_ledger_does_not_hang_the_next_command()
    {
        using var ledger = TestLedger.Create("sqlite");
        await using (var connection = new SqliteConnection($"Data Source={ledger.Database.Display};Pooling=false"))
        {
            // As a process killed right after EF Core took its lock, before the first migration.
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = EfLockTable;
            await command.ExecuteNonQueryAsync();
        }

        var run = await RealCli.RunAsync(ledger.Args("ledger"), Soon);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Elapsed < Seconds, $"took {run.Elapsed}");
        Assert.Equal(0, await ledger.CountAsync(c => c.Documents.CountAsync()));
    }

    [Fact]
    public async Task A_lock_row_left_on_a_current_ledger_is_never_waited_for()
    {
        using var ledger = TestLedger.Create("sqlite");
        Assert.Equal(0, (await RealCli.RunAsync(ledger.Args("import", ledger.Samples("a", 2)), Soon)).ExitCode);
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={ledger.Database.Display};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = EfLockTable.Replace("INSERT", "INSERT OR REPLACE", StringComparison.Ordinal);
            await command.ExecuteNonQueryAsync();
        }

        var read = await RealCli.RunAsync(ledger.Args("ledger"), Soon);
        var import = await RealCli.RunAsync(ledger.Args("import", ledger.Samples("b", 2)), Soon);

        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Contains("2个文件，", read.Output, StringComparison.Ordinal);
        Assert.True(import.ExitCode == 0, import.ToString());
    }

    /// <summary>
    /// kill -9 of a first import at random moments (before, during and after migrating, during writing), then the
    /// next command must answer within seconds, and importing again must leave every document whole.
    /// </summary>
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Killed_at_random_moments_the_ledger_is_usable_within_seconds(string provider)
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        for (var round = 0; round < 5; round++)
        {
            using var ledger = TestLedger.Create(provider);
            var folder = ledger.Samples("docs", 40);
            var delay = TimeSpan.FromMilliseconds(random.Next(200, 2500));
            using (var victim = RealCli.Start(ledger.Args("import", folder)))
            {
                await Task.Delay(delay);
                victim.Kill();
            }

            var next = await RealCli.RunAsync(ledger.Args("ledger"), Soon);
            Assert.True(next.ExitCode == 0 && next.Elapsed < Seconds, $"round {round} (seed {seed}), killed after {delay.TotalMilliseconds} ms: {next}");
            var again = await RealCli.RunAsync(ledger.Args("import", folder), Soon);
            Assert.True(again.ExitCode == 0, $"round {round} (seed {seed}): {again}");
            Assert.Equal(40, await ledger.CountAsync(c => c.Documents.CountAsync(d => d.IsCurrent)));
            await ledger.AssertWholeAsync();
        }
    }

    /// <summary>Several processes opening one fresh ledger at once: each migration is applied once, every process goes on.</summary>
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Processes_racing_on_a_fresh_ledger_migrate_it_once(string provider)
    {
        using var ledger = TestLedger.Create(provider);
        var folders = Enumerable.Range(0, 3).Select(i => ledger.Samples($"p{i}", 3)).ToList();

        var runs = await Task.WhenAll(folders.Select(f => RealCli.RunAsync(ledger.Args("import", f), Soon)));

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.ToString()));
        await using var context = ledger.Context();
        var applied = await context.Database.GetAppliedMigrationsAsync();
        Assert.Equal(context.Database.GetMigrations(), applied);
        Assert.Equal(9, await context.Documents.CountAsync());
    }

    [Fact]
    public async Task The_migrate_command_says_what_it_applied_then_that_the_ledger_is_current()
    {
        using var ledger = TestLedger.Create("sqlite");

        var first = await RealCli.RunAsync(ledger.Args("migrate"), Soon);
        var second = await RealCli.RunAsync(ledger.Args("migrate"), Soon);

        Assert.True(first.ExitCode == 0, first.ToString());
        await using var context = ledger.Context();
        Assert.All(context.Database.GetMigrations(), m => Assert.Contains(m, first.Output, StringComparison.Ordinal));
        Assert.Contains("已是最新", second.Output, StringComparison.Ordinal);
    }
}
