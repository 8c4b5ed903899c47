using System.Runtime.InteropServices;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM for a command that stops cleanly: the first signal cancels <see cref="Token"/> and
/// says so; a second one ends the process at once, as without this.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly TextWriter _errors;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private int _received;

    public StopSignals(TextWriter errors, CancellationToken outer)
    {
        _errors = errors;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>The first signal received, if any.</summary>
    public PosixSignal? Received { get; private set; }

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _received) > 1)
        {
            return; // the second signal: default handling ends the process
        }

        context.Cancel = true;
        Received = context.Signal;
        _errors.WriteLine($"policyledger: 收到{(context.Signal == PosixSignal.SIGTERM ? " SIGTERM" : "中断（Ctrl-C）")}，写完手头这一批文件后停止（再按一次立即退出）");
        _errors.Flush();
        _stop.Cancel();
    }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _stop.Dispose();
    }
}
