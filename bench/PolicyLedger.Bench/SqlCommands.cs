using System.Diagnostics;

namespace PolicyLedger.Bench;

/// <summary>
/// Counts the SQL commands EF Core executes in this process (its <c>CommandExecuted</c> diagnostic events), so the load
/// run can say how many round trips to the database a request of each kind makes, and the queries it compiled.
/// </summary>
internal static class SqlCommands
{
    private const string Executed = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";

    private const string Compiling = "Microsoft.EntityFrameworkCore.Query.QueryCompilationStarting";

    private static long _count;

    private static long _compiled;

    public static long Count => Interlocked.Read(ref _count);

    /// <summary>Queries EF Core compiled (a query its cache did not hold): each costs far more CPU than running one.</summary>
    public static long Compiled => Interlocked.Read(ref _compiled);

    /// <summary>Starts counting; dispose to stop.</summary>
    public static IDisposable Listen() => DiagnosticListener.AllListeners.Subscribe(new Listeners());

    private sealed class Listeners : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.EntityFrameworkCore")
            {
                value.Subscribe(new Events(), (name, _, _) => name is Executed or Compiling);
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
            if (value.Key == Executed)
            {
                Interlocked.Increment(ref _count);
            }
            else if (value.Key == Compiling)
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
