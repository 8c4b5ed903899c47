using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PolicyLedger.Tests.Support;

/// <summary>
/// The processor time of the calling thread, for tests that compare how long two runs of the same code take. The
/// process's processor time counts every test running beside it; the thread's counts only the code measured. On
/// Linux (where the tests run) it is CLOCK_THREAD_CPUTIME_ID; elsewhere the wall clock.
/// </summary>
public static class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static extern int ClockGetTime(int clock, out Timespec time);

    /// <summary>How long <paramref name="action"/> took of this thread's processor time.</summary>
    public static TimeSpan Of(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!OperatingSystem.IsLinux())
        {
            var watch = Stopwatch.StartNew();
            action();
            return watch.Elapsed;
        }

        var before = Now();
        action();
        return Now() - before;
    }

    private static TimeSpan Now()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var t) != 0)
        {
            throw new InvalidOperationException($"clock_gettime failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
    }
}
