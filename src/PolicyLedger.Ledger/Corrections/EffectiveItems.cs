using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Ledger.Corrections;

/// <summary>Which items to load.</summary>
/// <param name="Unit">Items where a unit whose name, key or mention contains this text has any role (after corrections).</param>
/// <param name="Document">Items of documents whose key, number, title or file name contains this text.</param>
/// <param name="DocumentIds">Only these documents (by stored id), where a service has found them already.</param>
/// <param name="ItemIds">With <paramref name="DocumentIds"/>: only these stored items are read from documents no correction concerns (a page of the
/// 台账 needs its own rows, not every item of their documents); a document a correction concerns is read whole, since a
/// correction may split, merge or add items. The items' <see cref="EffectiveItem.Ordinal"/> then counts only the items read.</param>
public sealed record ItemFilter(string? Unit = null, string? Document = null, IReadOnlyCollection<long>? DocumentIds = null, IReadOnlyCollection<long>? ItemIds = null);

/// <summary>The items of the current documents as every command shows them, with what became of each correction.</summary>
public sealed record EffectiveLedger(
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<EffectiveItem> Items,
    IReadOnlyList<RemovedItem> Removed,
    IReadOnlyList<CorrectionRecord> Corrections,
    IReadOnlyList<CorrectionOutcome> Outcomes)
{
    /// <summary>
    /// A correction's state: applied when it applies in any current document with its key (the same document imported
    /// from two files applies it in both), else orphaned with the first reason.
    /// </summary>
    public CorrectionOutcome? StateOf(long correctionId)
    {
        var all = Outcomes.Where(o => o.CorrectionId == correctionId).ToList();
        return all.FirstOrDefault(o => o.State == CorrectionState.Applied) ?? all.FirstOrDefault();
    }
}

/// <summary>
/// The one place items are read from the ledger for showing, counting, tracking and exporting: the current documents'
/// items as stored, with the corrections applied (<see cref="CorrectionEngine"/>). Read-only, no tracking.
/// </summary>
public static class EffectiveItems
{
    public static async Task<EffectiveLedger> LoadAsync(LedgerContext db, ItemFilter? filter = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        filter ??= new ItemFilter();
        var corrections = (await db.Corrections.AsNoTracking().Include(c => c.Units).ThenInclude(u => u.Unit).OrderBy(c => c.Id).ToListAsync(ct))
            .Select(Record).ToList();
        var corrected = corrections.Select(c => c.Anchor.DocumentKey).Distinct(StringComparer.Ordinal).ToList();

        var documents = db.Documents.AsNoTracking().Where(d => d.IsCurrent);
        if (!string.IsNullOrWhiteSpace(filter.Document))
        {
            var d = filter.Document.Trim();
            documents = documents.Where(x => x.Key.Contains(d) || (x.DocNumber != null && x.DocNumber.Contains(d))
                || (x.Title != null && x.Title.Contains(d)) || x.Source!.FileName.Contains(d));
        }

        if (filter.DocumentIds is { } only)
        {
            documents = documents.Where(x => only.Contains(x.Id));
        }

        var docs = (await documents.OrderBy(x => x.Source!.Path).ThenBy(x => x.Position)
            .Select(x => new { x.Id, x.SourceId, x.Position, x.Version, x.Key, x.DocNumber, x.Title, x.Source!.FileName, x.Jurisdiction, x.Date, x.ImportedAt, x.SpanStart, x.SpanLength })
            .ToListAsync(ct))
            .Select(x => new DocumentView(x.Id, x.SourceId, x.Position, x.Version, x.Key, x.DocNumber ?? x.Title ?? $"{x.FileName}#{x.Position + 1}",
                x.DocNumber, x.Title, x.FileName, x.Jurisdiction, x.Date, x.ImportedAt, x.SpanStart, x.SpanLength))
            .ToList();
        var ids = docs.Select(x => x.Id).ToList();

        var items = db.Items.AsNoTracking().Where(i => i.Document!.IsCurrent);
        if (!string.IsNullOrWhiteSpace(filter.Document) || filter.DocumentIds is not null)
        {
            items = items.Where(i => ids.Contains(i.DocumentId));
        }

        if (filter.ItemIds is { } itemIds)
        {
            var wanted = itemIds.ToList();
            var whole = docs.Where(d => corrections.Any(c => Concerns(c, d))).Select(d => d.Id).ToList();
            items = whole.Count == 0 ? items.Where(i => wanted.Contains(i.Id)) : items.Where(i => whole.Contains(i.DocumentId) || wanted.Contains(i.Id));
        }

        if (!string.IsNullOrWhiteSpace(filter.Unit))
        {
            // Items of corrected documents are all loaded: a correction may give or take the unit.
            var u = filter.Unit.Trim();
            items = items.Where(i => corrected.Contains(i.Document!.Key) || i.Responsibilities.Any(r => r.Mention.Contains(u) || r.Unit!.Name.Contains(u) || r.Unit.Key == u));
        }

        var rows = await items.OrderBy(i => i.DocumentId).ThenBy(i => i.Ordinal)
            .Select(i => new
            {
                i.Id,
                i.DocumentId,
                i.Key,
                i.Number,
                i.Headings,
                i.Text,
                i.SpanStart,
                i.SpanLength,
                i.ClauseStart,
                i.ClauseLength,
                Roles = i.Responsibilities.OrderBy(r => r.Ordinal)
                    .Select(r => new { r.Role, r.Mention, r.SpanStart, r.SpanLength, r.UnitId, r.Unit!.Key, r.Unit.Name, r.Unit.Jurisdiction, r.Unit.Kind, r.Implied, r.GovernsText, r.GovernsStart, r.GovernsLength }).ToList(),
                Diagnostics = i.Diagnostics.OrderBy(d => d.Ordinal).Select(d => new ItemDoubt(d.Code, d.Message, d.Severity, d.SpanStart, d.SpanLength)).ToList(),
                Quantities = i.Quantities.OrderBy(q => q.Ordinal).Select(q => new ItemQuantity(q.Text, q.Kind, q.Value, q.Unit, q.Per, q.Bound, q.High)).ToList(),
                Times = i.Times.OrderBy(t => t.Ordinal).Select(t => new ItemTime(t.Text, t.Start, t.End, t.Recurrence)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        var byDocument = rows.Select(i => (i.DocumentId, Item: new ReadItem(
                i.Id,
                i.Key,
                i.Number,
                i.Headings.Length == 0 ? [] : i.Headings.Split('\n'),
                i.Text,
                i.SpanStart,
                i.SpanLength,
                i.ClauseStart,
                i.ClauseLength,
                i.Roles.Select(r => new ItemRole(r.Role, r.Mention, new UnitView(r.UnitId, r.Key, r.Name, r.Jurisdiction, r.Kind), r.SpanStart, r.SpanLength)
                {
                    Implied = r.Implied,
                    Governs = r.GovernsText,
                    GovernsStart = r.GovernsStart,
                    GovernsLength = r.GovernsLength,
                }).ToList(),
                i.Quantities,
                i.Times)
            {
                Doubts = i.Diagnostics,
            }))
            .ToLookup(x => x.DocumentId, x => x.Item);

        var texts = await TextsAsync(db, docs, corrections, ct);
        var effective = new List<EffectiveItem>();
        var removed = new List<RemovedItem>();
        var outcomes = new List<CorrectionOutcome>();
        foreach (var doc in docs)
        {
            var read = byDocument[doc.Id].ToList();
            var mine = corrections.Where(c => Concerns(c, doc)).ToList();
            if (mine.Count == 0)
            {
                effective.AddRange(read.Select((item, i) => Uncorrected(doc, item, i)));
                continue;
            }

            var result = CorrectionEngine.Apply(doc, read, mine, texts.GetValueOrDefault((doc.SourceId, doc.Version)));
            effective.AddRange(result.Items);
            removed.AddRange(result.Removed);
            outcomes.AddRange(result.Outcomes);
        }

        // A correction no current document answers to is orphaned, and says so; with a document filter, only those it names.
        foreach (var c in corrections.Where(c => !docs.Any(d => Concerns(c, d))))
        {
            if (filter.DocumentIds is null && (string.IsNullOrWhiteSpace(filter.Document) || c.Anchor.DocumentKey.Contains(filter.Document.Trim(), StringComparison.Ordinal)))
            {
                outcomes.Add(new CorrectionOutcome(c.Id, null, CorrectionState.Orphaned, null, null, 0, CorrectionCodes.NoDocument(c.Anchor.DocumentKey, c.Anchor.SourceFile)));
            }
        }

        if (!string.IsNullOrWhiteSpace(filter.Unit))
        {
            var u = filter.Unit.Trim();
            effective = effective.Where(e => e.Item.Roles.Any(r => r.Mention.Contains(u, StringComparison.Ordinal)
                || (r.Unit is not null && (r.Unit.Name.Contains(u, StringComparison.Ordinal) || r.Unit.Key == u)))).ToList();
        }

        return new EffectiveLedger(docs, effective, removed, corrections, outcomes);
    }

    /// <summary>Whether a correction is about a document: the same key (brackets and widths aside) and, where it names one, the same file.</summary>
    public static bool Concerns(CorrectionRecord correction, DocumentView document) =>
        Concerns(correction.Anchor.DocumentKey, correction.Anchor.SourceFile, document.Key, document.FileName);

    /// <summary>Whether a correction anchored to this document key (and file, where it names one) is about the document of this key and file.</summary>
    public static bool Concerns(string correctionKey, string? correctionFile, string documentKey, string fileName) =>
        DocumentKey.Normalize(correctionKey) == DocumentKey.Normalize(documentKey) && (correctionFile is null || correctionFile == fileName);

    public static EffectiveItem Uncorrected(DocumentView document, ReadItem item, int ordinal) =>
        new(document, item, ordinal, EffectiveItem.DeadlineOf(item.Times), false, EffectiveItem.MainTargetOf(item.Quantities), false, [], "read");

    /// <summary>The immutable copy of a stored correction the engine applies.</summary>
    public static CorrectionRecord Record(ItemCorrection c) => new(
        c.Id,
        c.Kind,
        new ItemAnchor(c.DocumentKey, c.SourceFile, c.ItemId, c.ItemNumber, c.ItemText) { PreviousFingerprint = c.PreviousFingerprint, NextFingerprint = c.NextFingerprint },
        c.Role,
        c.Value,
        c.Units.OrderBy(u => u.Ordinal)
            .Select(u => new ItemRole(c.Role ?? LedgerRole.Responsible, u.Mention, u.Unit is { } x ? new UnitView(x.Id, x.Key, x.Name, x.Jurisdiction, x.Kind) : null, Corrected: true))
            .ToList(),
        c.NewItemId,
        c.NextItemId is null ? null : new ItemAnchor(c.DocumentKey, c.SourceFile, c.NextItemId, null, c.NextItemText ?? string.Empty),
        c.Before,
        c.Why,
        c.By,
        c.At);

    /// <summary>The texts of the file versions whose documents have paragraphs taken as items.</summary>
    private static async Task<Dictionary<(long, int), string>> TextsAsync(LedgerContext db, IReadOnlyList<DocumentView> docs, IReadOnlyList<CorrectionRecord> corrections, CancellationToken ct)
    {
        var wanted = docs.Where(d => corrections.Any(c => c.Kind == CorrectionKind.AsItem && Concerns(c, d))).Select(d => (d.SourceId, d.Version)).Distinct().ToList();
        var texts = new Dictionary<(long, int), string>();
        foreach (var (source, version) in wanted)
        {
            var text = await db.SourceTexts.AsNoTracking().Where(t => t.SourceId == source && t.Version == version).Select(t => t.Text).FirstOrDefaultAsync(ct);
            if (text is not null)
            {
                texts[(source, version)] = text;
            }
        }

        return texts;
    }
}
