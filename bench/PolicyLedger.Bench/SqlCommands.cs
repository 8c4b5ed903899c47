using System.Diagnostics;

namespace PolicyLedger.Bench;

/// <summary>
/// Counts the SQL commands EF Core executes in this process (its <c>CommandExecuted</c> diagnostic events), so the load
/// run can say how many round trips to the database a request of each kind makes.
/// </summary>
internal static class SqlCommands
{
    private const string Executed = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";

    private static long _count;

    public static long Count => Interlocked.Read(ref _count);

    /// <summary>Starts counting; dispose to stop.</summary>
    public static IDisposable Listen() => DiagnosticListener.AllListeners.Subscribe(new Listeners());

    private sealed class Listeners : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.EntityFrameworkCore")
            {
                value.Subscribe(new Events(), (name, _, _) => name == Executed);
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
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
