using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Cli.Commands;

/// <summary>Opens the ledger for a query command and turns a database failure into one clear message.</summary>
internal static class LedgerAccess
{
    public static async Task<T?> QueryAsync<T>(LedgerDatabase database, TextWriter errors, bool english, Func<LedgerContext, Task<T>> query, CancellationToken cancellationToken)
    {
        try
        {
            await using var context = await database.OpenAsync(cancellationToken);
            return await query(context);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            await errors.WriteLineAsync(TrackingAccess.DatabaseFailure(database, e, english));
            return default;
        }
    }
}
