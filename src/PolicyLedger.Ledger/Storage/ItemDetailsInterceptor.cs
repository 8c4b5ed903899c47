using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PolicyLedger.Ledger.Model;

namespace PolicyLedger.Ledger.Storage;

/// <summary>
/// Builds again the details (<see cref="LedgerItem.Details"/>) of every item whose row, roles, figures or times a save
/// through the change tracker adds, changes or removes — after the rows are written, on the same connection and in the
/// same transaction when the caller opened one (an import does; a save that opens none commits its rows first, then the
/// details). The items are noted before the save (their ids are known after it) on the context.
/// </summary>
internal sealed class ItemDetailsInterceptor : SaveChangesInterceptor
{
    public static ItemDetailsInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
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

    private static void Note(DbContext? db)
    {
        if (db is not LedgerContext context)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case LedgerItem item when entry.State == EntityState.Added:
                    context.DetailsToBuild.Add(() => item.Id);
                    break;
                case LedgerResponsibility role:
                    context.DetailsToBuild.Add(() => role.ItemId);
                    break;
                case LedgerQuantity quantity:
                    context.DetailsToBuild.Add(() => quantity.ItemId);
                    break;
                case LedgerTime time:
                    context.DetailsToBuild.Add(() => time.ItemId);
                    break;
            }
        }
    }

    private static HashSet<long> Take(LedgerContext context)
    {
        var ids = context.DetailsToBuild.Select(id => id()).Where(id => id > 0).ToHashSet();
        context.DetailsToBuild.Clear();
        return ids;
    }
}
