using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Reading.Text;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>
/// The one place tracking gets its items from: every item of the current documents with its units, main target,
/// schedule and cadence (stored at import, or the office's override). Nothing here reads a file. Loaded once per
/// scope (a command, a web request); <see cref="Invalidate"/> after a change to cadences.
/// </summary>
public sealed class TrackingItems(LedgerContext db)
{
    private IReadOnlyList<TrackedItem>? _items;

    public void Invalidate() => _items = null;

    /// <summary>Every item of the current documents, in document and item order.</summary>
    public async Task<IReadOnlyList<TrackedItem>> AllAsync(CancellationToken ct = default)
    {
        if (_items is not null)
        {
            return _items;
        }

        var docs = await db.Documents.AsNoTracking().Where(d => d.IsCurrent).Include(d => d.Source)
            .OrderBy(d => d.SourceId).ThenBy(d => d.Position).ToListAsync(ct);
        _items = await BuildAsync(docs, all: true, ct);
        return _items;
    }

    /// <summary>
    /// The item a person means by a typed key (<see cref="ItemLookup"/>), loading only the documents whose key
    /// matches (one report in a ledger of thousands of documents reads one document's items), or all where the key
    /// is of the older file-based form.
    /// </summary>
    public async Task<(TrackedItem? Item, string? Problem)> FindAsync(string? typed, CancellationToken ct = default)
    {
        if (_items is null && PolicyLedger.Reading.Syntax.ItemKey.TryParse(typed, out var key))
        {
            var wanted = PolicyLedger.Reading.Syntax.DocumentKey.Normalize(key.Document);
            var docs = (await db.Documents.AsNoTracking().Where(d => d.IsCurrent).Include(d => d.Source)
                    .OrderBy(d => d.SourceId).ThenBy(d => d.Position).ToListAsync(ct))
                .Where(d => PolicyLedger.Reading.Syntax.DocumentKey.Normalize(d.Key) == wanted).ToList();
            if (docs.Count > 0)
            {
                var found = ItemLookup.Find(await BuildAsync(docs, all: false, ct), typed);
                if (found.Item is not null || docs.Count > 1)
                {
                    return found;
                }
            }
        }

        return ItemLookup.Find(await AllAsync(ct), typed);
    }

    /// <summary>The items of these ids (of current documents), in document and item order: one page of a 台账 builds only its own rows.</summary>
    public async Task<IReadOnlyList<TrackedItem>> OfItemsAsync(IReadOnlyCollection<long> itemIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        if (itemIds.Count == 0)
        {
            return [];
        }

        var ids = itemIds.ToList();
        var docIds = await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => i.DocumentId).Distinct().ToListAsync(ct);
        var docs = await db.Documents.AsNoTracking().Where(d => d.IsCurrent && docIds.Contains(d.Id)).Include(d => d.Source)
            .OrderBy(d => d.SourceId).ThenBy(d => d.Position).ToListAsync(ct);
        return await BuildAsync(docs, all: false, ct, ids);
    }

    private async Task<IReadOnlyList<TrackedItem>> BuildAsync(List<LedgerDocument> docs, bool all, CancellationToken ct, List<long>? itemIds = null)
    {
        var docIds = docs.Select(d => d.Id).ToList();
        var query = db.Items.AsNoTracking().Where(i => i.Document!.IsCurrent);
        if (!all)
        {
            query = query.Where(i => docIds.Contains(i.DocumentId));
        }

        if (itemIds is not null)
        {
            query = query.Where(i => itemIds.Contains(i.Id));
        }

        var items = await query
            .Include(i => i.Responsibilities).ThenInclude(r => r.Unit)
            .Include(i => i.Quantities).Include(i => i.Times)
            .AsSplitQuery()
            .ToListAsync(ct);
        var byDocument = items.ToLookup(i => i.DocumentId);
        var sourceIds = docs.Select(d => d.SourceId).Distinct().ToList();
        var overrides = (await (all ? db.Cadences.AsNoTracking() : db.Cadences.AsNoTracking().Where(c => sourceIds.Contains(c.SourceId))).ToListAsync(ct))
            .ToDictionary(c => (c.SourceId, c.DocumentPosition));
        var result = new List<TrackedItem>(items.Count);
        foreach (var doc in docs)
        {
            var cadence = StoredCadence.Effective(doc, overrides.GetValueOrDefault((doc.SourceId, doc.Position)));
            var planYear = ChineseNumerals.PlanYear(doc.Title);
            foreach (var item in byDocument[doc.Id].OrderBy(i => i.Ordinal))
            {
                var units = item.Responsibilities
                    .Where(r => r.Role != LedgerRole.Cooperating && r.Unit is not null)
                    .OrderBy(r => r.Role).ThenBy(r => r.Ordinal)
                    .Select(r => new TrackedUnit(r.UnitId, r.Unit!.Key, r.Unit.Name, r.Unit.Jurisdiction))
                    .DistinctBy(u => u.Id).ToList();
                var ordered = item.Quantities.OrderBy(q => q.Ordinal).ToList();
                var target = ordered.FirstOrDefault(q => q.Kind is "Measure" or "Money") ?? ordered.FirstOrDefault(q => q.Kind != "Percent");
                var schedule = ItemSchedule.Decide(
                    item.Times.Select(t => (t.Start, t.End, t.Recurrence is not null)),
                    planYear,
                    doc.Date,
                    doc.Date ?? DateOnly.FromDateTime(doc.ImportedAt.UtcDateTime));
                result.Add(new TrackedItem(
                    doc.ItemKeyOf(item.Key),
                    doc.SourceId,
                    doc.Position,
                    doc.Id,
                    item.Id,
                    item.Key,
                    item.Number?.ToString(CultureInfo.InvariantCulture) ?? item.Key,
                    doc.DocNumber ?? doc.Title ?? doc.Source?.FileName ?? doc.SourceId.ToString(CultureInfo.InvariantCulture),
                    doc.Jurisdiction,
                    item.Text,
                    units,
                    target?.Text,
                    target?.Value,
                    target?.Unit,
                    schedule,
                    cadence));
            }
        }

        return result;
    }
}
