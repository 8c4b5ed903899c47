using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace PolicyLedger.Tests.Faults;

/// <summary>What a run of the real CLI process did.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Errors, TimeSpan Elapsed)
{
    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}

/// <summary>
/// The real <c>policyledger</c> process (the CLI's dll beside the tests), started, watched, signalled and killed
/// as a person or a supervisor would: the faults of issue 15 only show in real processes.
/// </summary>
internal sealed class RealCli : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly object _lock = new();

    private RealCli(IEnumerable<string> arguments, string? workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("POLICYLEDGER_DB");
        start.Environment["POLICYLEDGER_IMPORT_PAUSE_BEFORE_COMMIT_MS"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_errors, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _process.StandardInput.Close();
    }

    /// <summary>
    /// The CLI under test: the one built beside the tests, or another build named by POLICYLEDGER_CLI_DLL (to run these
    /// tests against an older CLI and see them fail there).
    /// </summary>
    public static string Dll =>
        Environment.GetEnvironmentVariable("POLICYLEDGER_CLI_DLL") is { Length: > 0 } other ? other : Path.Combine(AppContext.BaseDirectory, "policyledger.dll");

    public int Id => _process.Id;

    public static RealCli Start(IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null) =>
        new(arguments, workingDirectory, environment);

    /// <summary>Runs to the end; a run longer than <paramref name="timeout"/> is killed and fails the test with what it printed.</summary>
    public static async Task<CliRun> RunAsync(IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var cli = Start(arguments, workingDirectory, environment);
        return await cli.WaitAsync(timeout);
    }

    /// <summary>Completes when <paramref name="text"/> has appeared <paramref name="times"/> times on stderr or stdout (or fails after <paramref name="timeout"/>).</summary>
    public async Task WaitForLineAsync(string text, TimeSpan timeout, int times = 1)
    {
        var watch = Stopwatch.StartNew();
        while (Occurrences(text) < times)
        {
            Assert.True(!_process.HasExited && watch.Elapsed < timeout,
                $"the CLI did not print \"{text}\" {times} time(s) ({(_process.HasExited ? "it ended" : "timed out")}):\n{Snapshot()}");
            await Task.Delay(20);
        }
    }

    private int Occurrences(string text)
    {
        var all = Snapshot();
        var count = 0;
        foreach (var s in new[] { all.Output, all.Errors })
        {
            for (var i = s.IndexOf(text, StringComparison.Ordinal); i >= 0; i = s.IndexOf(text, i + text.Length, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    public async Task<CliRun> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            Assert.Fail($"the CLI did not finish within {timeout.TotalSeconds:0} s (a hang):\n{Snapshot()}");
        }

        _process.WaitForExit(); // drains the output readers
        return Snapshot();
    }

    /// <summary>kill -9: the process ends at once, as when a machine loses power or a supervisor kills it.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // already ended
        }
    }

    /// <summary>Sends a POSIX signal (2 SIGINT, 15 SIGTERM) to the process, as Ctrl-C or a service manager does.</summary>
    public void Signal(int signal) => Assert.Equal(0, SendSignal(_process.Id, signal));

    public const int SigInt = 2;

    public const int SigTerm = 15;

    public CliRun Snapshot()
    {
        lock (_lock)
        {
            return new CliRun(_process.HasExited ? _process.ExitCode : -1, _output.ToString(), _errors.ToString(), _watch.Elapsed);
        }
    }

    private void Append(StringBuilder to, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            to.AppendLine(line);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
