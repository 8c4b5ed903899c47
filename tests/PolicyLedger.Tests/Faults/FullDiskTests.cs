using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace PolicyLedger.Tests.Faults;

/// <summary>
/// A full disk, simulated by a tiny tmpfs (needs root and the right to mount; skipped with the reason elsewhere): the
/// import stops, says the disk is full and what was committed, and what was committed before stays readable.
/// </summary>
public sealed class FullDiskTests : IDisposable
{
    private readonly TestLedger _ledger = TestLedger.Create("sqlite");

    private readonly string _mount;

    private readonly bool _mounted;

    public FullDiskTests()
    {
        _mount = Directory.CreateDirectory(Path.Combine(_ledger.Folder, "tiny")).FullName;
        _mounted = Run("mount", "-t", "tmpfs", "-o", "size=700k", "tmpfs", _mount) == 0;
    }

    [SkippableFact]
    public async Task A_full_disk_stops_the_import_and_keeps_what_was_committed()
    {
        Skip.IfNot(_mounted, "SKIPPED: cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN) to simulate a full disk");
        var ledger = Path.Combine(_mount, "ledger.db");
        var first = await RealCli.RunAsync(["--db", ledger, "import", _ledger.Samples("small", 2)], TimeSpan.FromMinutes(3));
        Assert.True(first.ExitCode == 0, first.ToString());

        var full = await RealCli.RunAsync(["--db", ledger, "import", _ledger.Samples("large", 400)], TimeSpan.FromMinutes(5));
        var after = await RealCli.RunAsync(["--db", ledger, "ledger"], TimeSpan.FromMinutes(3));

        Assert.True(full.ExitCode == 2, full.ToString());
        Assert.Contains("磁盘已满", full.Errors, StringComparison.Ordinal);
        Assert.Contains("此前已提交", full.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite Error", full.Errors, StringComparison.Ordinal);
        Assert.True(after.ExitCode == 0, after.ToString());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var context = PolicyLedger.Ledger.Storage.LedgerDatabase.Sqlite(ledger).CreateContext();
        Assert.True(await context.Documents.CountAsync() >= 2);
        Assert.Equal(0, await context.Documents.CountAsync(d => d.ItemCount != d.Items.Count));
    }

    private static int Run(string file, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit(30_000);
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1; // no such program
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_mounted)
        {
            Run("umount", "-l", _mount);
        }

        _ledger.Dispose();
    }
}
