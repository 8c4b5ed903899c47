using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Cli.Commands;

/// <summary>Opens the ledger for a query command and turns a database failure into one clear Chinese message.</summary>
internal static class LedgerAccess
{
    public static async Task<T?> QueryAsync<T>(LedgerDatabase database, TextWriter errors, bool english, Func<LedgerContext, Task<T>> query, CancellationToken cancellationToken)
    {
        try
        {
            await using var context = await database.OpenAsync(cancellationToken);
            return await query(context);
        }
        catch (Exception e) when (IsLedgerFailure(e))
        {
            await errors.WriteLineAsync(TrackingAccess.DatabaseFailure(database, e, english));
            return default;
        }
    }

    /// <summary>
    /// A failure of the ledger (unreachable, busy, read-only, full, refused), not a bug: said in one sentence, never
    /// with the driver's raw message alone or a stack trace.
    /// </summary>
    public static bool IsLedgerFailure(Exception e) =>
        LedgerErrors.IsUnavailable(e) || e is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException or LedgerUnavailableException
        || (e is InvalidOperationException && e.InnerException is System.Data.Common.DbException);
}
