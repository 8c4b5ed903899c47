using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Reading.Text;
using PolicyLedger.Tracking.Periods;
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
        var docs = await db.Documents.AsNoTracking().Where(d => d.IsCurrent && db.Items.Any(i => i.DocumentId == d.Id && ids.Contains(i.Id))).Include(d => d.Source)
            .OrderBy(d => d.SourceId).ThenBy(d => d.Position).ToListAsync(ct);
        return await BuildAsync(docs, all: false, ct, ids);
    }

    /// <summary>Every item in effect of these current documents (read whole: the 台账's rows of documents a correction concerns).</summary>
    public async Task<IReadOnlyList<TrackedItem>> OfDocumentsAsync(IReadOnlyCollection<long> documentIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var ids = documentIds.ToList();
        var docs = await db.Documents.AsNoTracking().Where(d => d.IsCurrent && ids.Contains(d.Id)).Include(d => d.Source)
            .OrderBy(d => d.SourceId).ThenBy(d => d.Position).ToListAsync(ct);
        return docs.Count == 0 ? [] : await BuildAsync(docs, all: false, ct);
    }

    private async Task<IReadOnlyList<TrackedItem>> BuildAsync(List<LedgerDocument> docs, bool all, CancellationToken ct, List<long>? itemIds = null)
    {
        // The items in effect: as stored, with reviewers' corrections applied (the one item source of the ledger). With
        // item ids (a page of the 台账), the items made from those stored items: an item a split made comes with the
        // item it was split from; one a paragraph became has no stored id and is not on such a page.
        var ledger = await EffectiveItems.LoadAsync(db, new ItemFilter(DocumentIds: all ? null : docs.Select(d => d.Id).ToList(), ItemIds: itemIds), ct);
        var wanted = itemIds?.ToHashSet();
        var byDocument = ledger.Items
            .Where(e => wanted is null || (e.Item.StoredItemId is { } id && wanted.Contains(id)))
            .ToLookup(e => e.Document.Id);
        var sourceIds = docs.Select(d => d.SourceId).Distinct().ToList();
        var overrides = (await (all ? db.Cadences.AsNoTracking() : db.Cadences.AsNoTracking().Where(c => sourceIds.Contains(c.SourceId))).ToListAsync(ct))
            .ToDictionary(c => (c.SourceId, c.DocumentPosition));
        var result = new List<TrackedItem>(ledger.Items.Count);
        foreach (var doc in docs)
        {
            var cadence = StoredCadence.Effective(doc, overrides.GetValueOrDefault((doc.SourceId, doc.Position)));
            result.AddRange(byDocument[doc.Id].Select(effective => Track(effective, cadence)));
        }

        return result;
    }

    /// <summary>
    /// The stored items of these ids, of documents no correction concerns (the 台账's page query has checked that), in
    /// the order of the ids, with their documents, cadences, reporting units, figures and times (<see cref="StoredItemRows"/>:
    /// one command, read by hand). The same items <see cref="OfItemsAsync"/> builds through <see cref="EffectiveItems"/>
    /// (uncorrected, they are the reading unchanged), without the corrections, document list and diagnostics a page does not need.
    /// </summary>
    public async Task<IReadOnlyList<TrackedItem>> OfUncorrectedAsync(IReadOnlyCollection<long> itemIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        return (await StoredItemRows.ReadAsync(db, itemIds.ToList(), ct)).Items;
    }

    /// <summary>An item in effect as tracking sees it: its reporting units (lead first), main target and schedule.</summary>
    internal static TrackedItem Track(EffectiveItem effective, ReportingCadence cadence)
    {
        var doc = effective.Document;
        var item = effective.Item;
        var units = ReportingUnits(item.Roles);
        var target = effective.Target;
        return new TrackedItem(
            effective.Key,
            doc.SourceId,
            doc.Position,
            doc.Id,
            item.StoredItemId,
            item.Id,
            item.Number?.ToString(CultureInfo.InvariantCulture) ?? item.Id,
            doc.DocNumber ?? doc.Title ?? doc.FileName,
            doc.Jurisdiction,
            item.Text,
            units,
            target?.Text,
            target?.Value,
            target?.Unit,
            Schedule(effective, ChineseNumerals.PlanYear(doc.Title), doc.Date, doc.ImportedAt),
            cadence)
        {
            CorrectedFields = effective.CorrectedFields,
            Ordinal = effective.Ordinal,
        };
    }

    /// <summary>
    /// The units that report on an item: its lead roles' units, then its responsible roles' units, each in the order
    /// written and each unit once. Loops rather than LINQ operators: a unit's status builds this for each of its items.
    /// </summary>
    private static List<TrackedUnit> ReportingUnits(IReadOnlyList<ItemRole> roles)
    {
        var units = new List<TrackedUnit>(roles.Count);
        foreach (var wanted in (ReadOnlySpan<LedgerRole>)[LedgerRole.Lead, LedgerRole.Responsible])
        {
            foreach (var role in roles)
            {
                if (role.Role == wanted && role.Unit is { } unit && !units.Exists(u => u.Id == unit.Id))
                {
                    units.Add(new TrackedUnit(unit.Id, unit.Key, unit.Name, unit.Jurisdiction));
                }
            }
        }

        return units;
    }

    /// <summary>
    /// The item's schedule (<see cref="ItemSchedule.Decide"/>); a deadline a reviewer set replaces the ones read from its
    /// times (its start dates still count), and "no deadline" set by a reviewer is no deadline even in a plan year.
    /// </summary>
    private static ItemSchedule Schedule(EffectiveItem effective, int? planYear, DateOnly? date, DateTimeOffset importedAt)
    {
        var times = effective.Item.Times.Select(t => (t.Start, t.End, Recurring: t.Recurrence is not null));
        var fallback = date ?? DateOnly.FromDateTime(importedAt.UtcDateTime);
        if (!effective.DeadlineCorrected)
        {
            return ItemSchedule.Decide(times, planYear, date, fallback);
        }

        var starts = times.Select(t => (t.Start, (DateOnly?)null, t.Recurring));
        var decided = ItemSchedule.Decide(effective.Deadline is { } deadline ? starts.Append((null, deadline, false)) : starts, effective.Deadline is null ? null : planYear, date, fallback);
        return decided with { Basis = "correction" };
    }
}
