using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PolicyLedger.Ledger.Model;

namespace PolicyLedger.Ledger.Storage;

/// <summary>
/// Keeps what the ledger copies for reading true on every save through the change tracker (SQLite's row writer, which
/// writes around it, keeps them itself; docs/web.md, Load):
/// <list type="bullet">
/// <item>a new role's copies of its item's document, place, key and count of times, from the item it belongs to (one
/// saved with it, or one already stored): an item never changes once stored, so the copies stay true, and a unit's
/// rows are read from the index on the unit alone;</item>
/// <item>the details (<see cref="LedgerItem.Details"/>) of every item whose row, roles, figures or times the save adds,
/// changes or removes, built again by the database once the rows are written — on the same connection and in the
/// same transaction when the caller opened one (an import does; a save that opens none commits its rows first, then
/// the details). The items are noted before the save (their ids are known after it) on the context.</item>
/// </list>
/// </summary>
internal sealed class ReadingCopiesInterceptor : SaveChangesInterceptor
{
    public static ReadingCopiesInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Prepare(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Prepare(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is LedgerContext context && Take(context) is { Count: > 0 } ids)
        {
            ItemDetails.BuildAsync(context, ids, async: false, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is LedgerContext context && Take(context) is { Count: > 0 } ids)
        {
            await ItemDetails.BuildAsync(context, ids, async: true, cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is LedgerContext context)
        {
            context.DetailsToBuild.Clear();
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private static void Prepare(DbContext? db)
    {
        if (db is not LedgerContext context)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();

        // Listed first: reading a role's stored item adds entries to the tracker.
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            switch (entry.Entity)
            {
                case LedgerItem item when entry.State == EntityState.Added:
                    context.DetailsToBuild.Add(() => item.Id);
                    break;
                case LedgerResponsibility role when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    if (entry.State == EntityState.Added)
                    {
                        Copy(context, role);
                    }

                    context.DetailsToBuild.Add(() => role.ItemId);
                    break;
                case LedgerQuantity quantity when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    context.DetailsToBuild.Add(() => quantity.ItemId);
                    break;
                case LedgerTime time when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    context.DetailsToBuild.Add(() => time.ItemId);
                    break;
            }
        }
    }

    /// <summary>A new role's copies of its item's document, place, key and count of times.</summary>
    private static void Copy(LedgerContext context, LedgerResponsibility row)
    {
        if (row.Item is null)
        {
            // A role added to an item already stored, by its id: the item is read for its values.
            context.Entry(row).Reference(r => r.Item).Load();
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

    private static HashSet<long> Take(LedgerContext context)
    {
        var ids = context.DetailsToBuild.Select(id => id()).Where(id => id > 0).ToHashSet();
        context.DetailsToBuild.Clear();
        return ids;
    }
}
