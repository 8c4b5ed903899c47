using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PolicyLedger.Ledger.Model;

namespace PolicyLedger.Ledger.Storage;

/// <summary>
/// Fills a new responsibility's copies of its item's values (document, place, key, count of times) when it is saved
/// through the change tracker, from the item it belongs to — an item saved with it, or one already stored. An item
/// never changes once stored, so the copies stay true; <see cref="SqliteRowWriter"/> writes them itself around the
/// tracker. A unit's rows are then read from the index on the unit alone (docs/web.md, Load).
/// </summary>
internal sealed class ResponsibilityCopies : SaveChangesInterceptor
{
    public static ResponsibilityCopies Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is LedgerContext context)
        {
            Fill(context);
        }

        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is LedgerContext context)
        {
            Fill(context);
        }

        return ValueTask.FromResult(result);
    }

    private static void Fill(LedgerContext context)
    {
        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries<LedgerResponsibility>())
        {
            if (entry.State != EntityState.Added)
            {
                continue;
            }

            var row = entry.Entity;
            if (row.Item is null)
            {
                // A role added to an item already stored, by its id: the item is read for its values.
                entry.Reference(r => r.Item).Load();
            }

            var item = row.Item ?? throw new InvalidOperationException($"responsibilities: 条目 {row.ItemId} 不存在，无法保存其责任单位。");
            var times = context.Entry(item).State == EntityState.Added || context.Entry(item).Collection(i => i.Times).IsLoaded
                ? item.Times.Count
                : context.Times.Count(t => t.ItemId == item.Id);
            if (item.Document is { } document)
            {
                row.Document = document;
            }
            else
            {
                row.DocumentId = item.DocumentId;
            }

            row.ItemOrdinal = item.Ordinal;
            row.ItemKey = item.Key;
            row.ItemTimeCount = times;
        }
    }
}
