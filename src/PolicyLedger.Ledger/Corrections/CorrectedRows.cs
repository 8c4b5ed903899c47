using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Ledger.Corrections;

/// <summary>
/// The corrected state of the ledger kept where SQL can page and filter it: for every current document a correction
/// concerns, its items in effect (<see cref="EffectiveItems"/>, the same engine every command uses) in their order, with
/// their units as corrected (<c>corrected_documents</c>, <c>corrected_rows</c>, <c>corrected_row_units</c>). The 台账's
/// page query takes these rows for such documents and the stored items for all others, so an item marked not-an-item
/// leaves the total, a paragraph taken as an item gets a row, and the unit filter goes by the units as corrected.
/// <para>
/// Derived data, rebuilt in the transaction that changes what it is derived from: a correction saved or reverted,
/// corrections found again after an import, documents imported (a new version is a new document). Rebuilds take
/// turns (PostgreSQL: an advisory lock; SQLite: its write lock), so two instances never interleave their rows.
/// </para>
/// </summary>
public static class CorrectedRows
{
    /// <summary>The advisory lock rebuilds take turns on (PostgreSQL).</summary>
    internal const long RefreshLockKey = 0x504C_524F_5753_3031;

    /// <summary>
    /// Rebuilds the rows of the current documents whose key is one of <paramref name="documentKeys"/> (brackets and
    /// widths aside), or of every document when null. Joins the caller's transaction, else runs in its own.
    /// </summary>
    public static async Task RefreshAsync(LedgerContext db, IReadOnlyCollection<string>? documentKeys = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is not null)
        {
            await RebuildAsync(db, documentKeys, ct);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await RebuildAsync(db, documentKeys, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Whether a current document that some correction concerns has no corrected rows yet (read only): what opening a
    /// ledger checks, so that a ledger corrected before these rows were kept gets them once, without taking the write
    /// lock on every open.
    /// </summary>
    public static async Task<bool> MissingAsync(LedgerContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var corrections = await db.Corrections.AsNoTracking().Select(c => new { c.DocumentKey, c.SourceFile }).Distinct().ToListAsync(ct);
        if (corrections.Count == 0)
        {
            return false;
        }

        var documents = await db.Documents.AsNoTracking().Where(d => d.IsCurrent && !db.CorrectedDocuments.Any(c => c.DocumentId == d.Id))
            .Select(d => new { d.Key, d.Source!.FileName }).ToListAsync(ct);
        return documents.Any(d => corrections.Any(c => EffectiveItems.Concerns(c.DocumentKey, c.SourceFile, d.Key, d.FileName)));
    }

    private static async Task RebuildAsync(LedgerContext db, IReadOnlyCollection<string>? documentKeys, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({RefreshLockKey})", ct);
        }

        var corrections = (await db.Corrections.AsNoTracking().Include(c => c.Units).OrderBy(c => c.Id).ToListAsync(ct)).Select(EffectiveItems.Record).ToList();
        var wanted = documentKeys?.Select(DocumentKey.Normalize).ToHashSet(StringComparer.Ordinal);
        if (corrections.Count == 0 && wanted is null)
        {
            await db.Set<CorrectedRowUnit>().ExecuteDeleteAsync(ct);
            await db.CorrectedRows.ExecuteDeleteAsync(ct);
            await db.CorrectedDocuments.ExecuteDeleteAsync(ct);
            return;
        }

        // The documents to rebuild: every one (current or not: a former version's rows go too), or those with the keys given.
        var documents = await db.Documents.AsNoTracking().Select(d => new { d.Id, d.Key, d.IsCurrent, d.Source!.FileName }).ToListAsync(ct);
        var affected = documents.Where(d => wanted is null || wanted.Contains(DocumentKey.Normalize(d.Key))).ToList();
        var affectedIds = affected.Select(d => d.Id).ToList();
        await db.Set<CorrectedRowUnit>().Where(u => db.CorrectedRows.Any(r => r.Id == u.RowId && affectedIds.Contains(r.DocumentId))).ExecuteDeleteAsync(ct);
        await db.CorrectedRows.Where(r => affectedIds.Contains(r.DocumentId)).ExecuteDeleteAsync(ct);
        await db.CorrectedDocuments.Where(c => affectedIds.Contains(c.DocumentId)).ExecuteDeleteAsync(ct);

        var concerned = affected.Where(d => d.IsCurrent && corrections.Any(c => EffectiveItems.Concerns(c.Anchor.DocumentKey, c.Anchor.SourceFile, d.Key, d.FileName))).Select(d => d.Id).ToList();
        if (concerned.Count == 0)
        {
            return;
        }

        var ledger = await EffectiveItems.LoadAsync(db, new ItemFilter(DocumentIds: concerned), ct);
        db.CorrectedDocuments.AddRange(concerned.Select(id => new CorrectedDocument { DocumentId = id }));
        db.CorrectedRows.AddRange(ledger.Items.Select(e => new CorrectedRow
        {
            DocumentId = e.Document.Id,
            Ordinal = e.Ordinal,
            ItemKey = e.Item.Id,
            StoredItemId = e.Item.StoredItemId,
            Units = e.Item.Roles
                .Where(r => r.Unit is not null)
                .Select(r => (r.Role, UnitId: r.Unit!.Id))
                .Distinct()
                .Select(r => new CorrectedRowUnit { UnitId = r.UnitId, Role = r.Role })
                .ToList(),
        }));
        await db.SaveChangesAsync(ct);

        // The rows are derived data: nothing of them stays tracked to be saved again by the caller.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is CorrectedDocument or CorrectedRow or CorrectedRowUnit).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
