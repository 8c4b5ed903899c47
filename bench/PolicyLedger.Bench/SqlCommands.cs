using System.Diagnostics;

namespace PolicyLedger.Bench;

/// <summary>
/// Counts the SQL commands this process sends to PostgreSQL (Npgsql's activities: one per command, whether EF Core or a
/// hand-written reader runs it; a command of several statements is one round trip), so the load run can say how many
/// round trips to the database a request of each kind makes, and the queries EF Core compiled (its diagnostic events).
/// </summary>
internal static class SqlCommands
{
    private const string Compiling = "Microsoft.EntityFrameworkCore.Query.QueryCompilationStarting";

    private static long _count;

    private static long _compiled;

    public static long Count => Interlocked.Read(ref _count);

    /// <summary>Queries EF Core compiled (a query its cache did not hold): each costs far more CPU than running one.</summary>
    public static long Compiled => Interlocked.Read(ref _compiled);

    /// <summary>Starts counting; dispose to stop.</summary>
    public static IDisposable Listen()
    {
        var commands = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStopped = _ => Interlocked.Increment(ref _count),
        };
        ActivitySource.AddActivityListener(commands);
        return new Both(commands, DiagnosticListener.AllListeners.Subscribe(new Listeners()));
    }

    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }

    private sealed class Listeners : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.EntityFrameworkCore")
            {
                value.Subscribe(new Events(), (name, _, _) => name is Compiling);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class Events : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == Compiling)
            {
                Interlocked.Increment(ref _compiled);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
