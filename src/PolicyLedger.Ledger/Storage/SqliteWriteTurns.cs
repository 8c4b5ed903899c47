using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PolicyLedger.Ledger.Storage;

/// <summary>
/// Fair turns at SQLite's single write lock across processes. SQLite lets a waiting writer retry, but an importer
/// that commits a batch and begins the next one at once wins every race, and a <c>progress add</c> waiting beside it
/// would time out. So a writer waiting to begin its transaction holds a shared <c>flock</c> on <c>LEDGER.writers</c>,
/// and an importer, after each commit, lets such waiters go first: it waits (briefly) until it could take that lock
/// exclusively. The locks are the kernel's: a killed process drops them. Without write access to the folder there are
/// no turns (and no writing either).
/// </summary>
internal sealed class SqliteWriteTurns(string ledgerFile)
{
    private readonly string _path = ledgerFile + ".writers";

    /// <summary>Registers this process as waiting to write until the returned value is disposed (null: could not register).</summary>
    public IDisposable? Wait()
    {
        // The shared lock conflicts only with an importer's brief exclusive probe: retry a little.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                // FileShare.Read is a shared flock on Unix: many waiters hold it at once.
                return new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
            }
            catch (IOException) when (File.Exists(_path))
            {
                Thread.Sleep(2);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>After a commit: when other writers are waiting, gives them the write lock first (at most <paramref name="longest"/>).</summary>
    public void YieldToWaiters(TimeSpan longest)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < longest)
        {
            try
            {
                using var probe = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                return; // nobody waits (any more)
            }
            catch (IOException) when (File.Exists(_path))
            {
                Thread.Sleep(5);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                return;
            }
        }
    }
}

/// <summary>Holds a <see cref="SqliteWriteTurns"/> registration while a transaction waits to begin (BEGIN IMMEDIATE).</summary>
internal sealed class SqliteWriteTurnInterceptor(SqliteWriteTurns turns) : DbTransactionInterceptor, IDbConnectionInterceptor
{
    private IDisposable? _waiting;

    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        Release();
        _waiting = turns.Wait();
        return result;
    }

    public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Release();
        _waiting = turns.Wait();
        return ValueTask.FromResult(result);
    }

    public override DbTransaction TransactionStarted(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Release();
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Release();
        return ValueTask.FromResult(result);
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release();

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release();
        return Task.CompletedTask;
    }

    // A transaction that never began (its BEGIN timed out) ends with its connection.
    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release();

    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release();
        return Task.CompletedTask;
    }

    private void Release()
    {
        _waiting?.Dispose();
        _waiting = null;
    }
}
