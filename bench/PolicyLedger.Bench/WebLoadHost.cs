using System.Diagnostics;
using System.Globalization;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Web;

namespace PolicyLedger.Bench;

/// <summary>
/// The web host of the load run in a process of its own (<c>web-host CONNECTION PORT</c>), so that the host's CPU is
/// measured apart from the clients': it counts its SQL commands and query compilations and says them, with the bytes
/// it allocated, its gen-0 collections, the time the GC paused it and the methods the JIT compiled, on stdin's "stats"
/// (one line: "stats COMMANDS COMPILED ALLOCATED COLLECTIONS PAUSETICKS JITTED"); it stops when stdin closes. It runs
/// with the server GC, as `serve` does.
/// </summary>
internal static class WebLoadHost
{
    public static async Task<int> RunAsync(string connection, int port)
    {
        using var counting = SqlCommands.Listen();
        var app = WebApp.Create(["--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning"], LedgerDatabase.Postgres(connection));
        await app.StartAsync();
        Console.WriteLine("ready");
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line == "stats")
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stats {SqlCommands.Count} {SqlCommands.Compiled} {GC.GetTotalAllocatedBytes()} {GC.CollectionCount(0)} {GC.GetTotalPauseDuration().Ticks} {System.Runtime.JitInfo.GetCompiledMethodCount()}"));
            }
        }

        await app.StopAsync();
        await app.DisposeAsync();
        return 0;
    }
}

/// <summary>The host process as the load run sees it: started, asked for its counts, its CPU read from outside, stopped.</summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;

    private HostProcess(Process process) => _process = process;

    public static HostProcess Start(string connection, int port)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        // As `policyledger serve` runs (the CLI is built with the server GC), unless the run says otherwise.
        start.Environment["DOTNET_gcServer"] = Environment.GetEnvironmentVariable("DOTNET_gcServer") ?? "1";
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(HostProcess).Assembly.Location);
        }

        start.ArgumentList.Add("web-host");
        start.ArgumentList.Add(connection);
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        return new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("the host did not start"));
    }

    /// <summary>Waits for "ready", then for /healthz to answer.</summary>
    public async Task WaitReadyAsync(HttpClient client)
    {
        await LineAsync("ready");
        using var health = await client.GetAsync("/healthz");
        health.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// The host's CPU so far, the SQL commands it ran and queries it compiled, the bytes it allocated, its gen-0
    /// collections, GC pauses and the methods the JIT compiled.
    /// </summary>
    public async Task<HostStats> StatsAsync()
    {
        await _process.StandardInput.WriteLineAsync("stats");
        await _process.StandardInput.FlushAsync();
        var parts = (await LineAsync("stats ")).Split(' ');
        _process.Refresh();
        long Part(int i) => long.Parse(parts[i], CultureInfo.InvariantCulture);
        return new HostStats(_process.TotalProcessorTime, Part(1), Part(2), Part(3), Part(4), TimeSpan.FromTicks(Part(5)), Part(6));
    }

    /// <summary>The next line of the host's output that starts with <paramref name="prefix"/> (log lines in between are passed on).</summary>
    private async Task<string> LineAsync(string prefix)
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }

            Console.WriteLine($"  host: {line}");
        }

        throw new InvalidOperationException($"the host ended (exit code {(_process.HasExited ? _process.ExitCode : -1)}) before saying \"{prefix.Trim()}\"");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }
}

/// <summary>
/// The CPU time of the PostgreSQL backends serving one database (their process titles name it), read from /proc:
/// the database's share of a request's cost. Zero where /proc is not there.
/// </summary>
internal sealed class PostgresBackends(string database)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public TimeSpan CpuTime()
    {
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _))
            {
                continue;
            }

            try
            {
                var title = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (!title.StartsWith("postgres: ", StringComparison.Ordinal) || !title.Contains($" {database} ", StringComparison.Ordinal))
                {
                    continue;
                }

                // Fields after the command in parentheses: state is the 3rd field; utime and stime are the 14th and 15th.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended while it was read: its time is no longer counted anywhere.
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}

/// <summary>What the host process had spent at one moment (differences of two are what a run cost it).</summary>
internal sealed record HostStats(TimeSpan Cpu, long Commands, long Compiled, long Allocated, long Collections, TimeSpan GcPauses, long Jitted)
{
    /// <summary>Between <paramref name="before"/> and this: KB allocated and GC pause ms a request, gen-0 collections and methods compiled in all.</summary>
    public string PerRequest(HostStats before, int requests) => string.Create(CultureInfo.InvariantCulture,
        $"allocated {(Allocated - before.Allocated) / 1024.0 / requests:0} KB, GC {Collections - before.Collections} collections pausing {(GcPauses - before.GcPauses).TotalMilliseconds / requests:0.00} ms, methods compiled {Jitted - before.Jitted}");
}
