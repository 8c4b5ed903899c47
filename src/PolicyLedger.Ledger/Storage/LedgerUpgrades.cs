using Microsoft.EntityFrameworkCore;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Ledger.Storage;

/// <summary>
/// Values a migration cannot compute, filled in C# once after the migration that added them: document keys of
/// documents imported before keys existed. Each step is a no-op query when there is nothing to fill.
/// </summary>
internal static class LedgerUpgrades
{
    public static async Task RunAsync(LedgerContext context, CancellationToken cancellationToken)
    {
        var missing = await context.Documents.AsTracking().Where(d => d.Key == string.Empty).Include(d => d.Source).ToListAsync(cancellationToken);
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var document in missing)
        {
            document.Key = DocumentKey.Of(document.DocNumber, document.Title, document.Date, document.Source?.FileName ?? string.Empty, document.Position);
        }

        await context.SaveChangesAsync(cancellationToken);
        context.ChangeTracker.Clear();
    }
}
