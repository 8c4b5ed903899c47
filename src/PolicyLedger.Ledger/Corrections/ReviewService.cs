using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Ledger.Corrections;

/// <summary>Where an item stands in the review: left to check, checked unchanged by a person, or corrected.</summary>
public enum ReviewState
{
    Left,
    Checked,
    Corrected,
}

/// <summary>One item of the review queue: what the ledger shows, the clause as written, why it is doubtful, and its corrections.</summary>
/// <param name="Clause">The responsibility clause as written in the document (else the item as written).</param>
/// <param name="Removed">A correction marked it as not an item.</param>
public sealed record ReviewRow(string Key, string Document, ReviewState State, IReadOnlyList<ItemDoubt> Doubts, string? Clause, ReadItemState Shown, IReadOnlyList<ItemChange> Changes, bool Removed, string? CheckedBy);

/// <summary>How far the review of one document is: its items checked unchanged, corrected, and left.</summary>
public sealed record DocumentProgress(string Document, string DocumentKey, int Items, int Checked, int Corrected, int Left);

/// <summary>The review queue (doubtful items first), the progress of each document, and how many corrections of these documents are orphaned; or why the person may not see it.</summary>
public sealed record ReviewQueue(IReadOnlyList<ReviewRow> Rows, IReadOnlyList<DocumentProgress> Progress, int Total, int Orphaned = 0, CorrectionProblem? Problem = null);

/// <summary>
/// One document for review: its stored text (null where the version's text was not stored) with the items in
/// effect and their unit mentions marked from their spans, its progress, and every item's row, doubtful first.
/// </summary>
public sealed record DocumentReview(DocumentView? Document, MarkedText? Source, DocumentProgress? Progress, IReadOnlyList<ReviewRow> Rows, CorrectionProblem? Problem = null);

/// <summary>What marking an item checked did.</summary>
public sealed record CheckResult(string? ItemKey, ChangeOutcome Outcome, CorrectionProblem? Problem);

/// <summary>
/// The review of the ledger: the queue of items to check, doubtful ones first (the reader's item diagnostics), with
/// the clause as written beside what was read; a person's check of an item as read; the progress per document. A
/// check holds while the item's text stays the same (under any number). Each call acts for one person (an
/// <see cref="Actor"/>: reviewing needs <see cref="TrackingAction.Review"/>, checking <see cref="TrackingAction.Correct"/>,
/// for documents of their jurisdictions) at the clock's time; never prints.
/// </summary>
public sealed class ReviewService(LedgerContext db, TimeProvider clock)
{
    /// <param name="document">Only documents whose key, number, title or file contains this.</param>
    /// <param name="all">Every item, not only those left to check.</param>
    /// <param name="limit">At most this many rows (the progress always counts every item).</param>
    public async Task<ReviewQueue> QueueAsync(Actor actor, string? document = null, bool all = false, int? limit = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (CorrectionAccess.Deny(actor, TrackingAction.Review) is { } denied)
        {
            return new ReviewQueue([], [], 0, 0, denied);
        }

        var ledger = await EffectiveItems.LoadAsync(db, new ItemFilter(Document: document), ct);
        var checks = await db.ReviewChecks.AsNoTracking().ToListAsync(ct);
        var rows = new List<ReviewRow>();
        var progress = new List<DocumentProgress>();
        foreach (var doc in ledger.Documents.Where(d => actor.Sees(d.Jurisdiction)))
        {
            var items = ledger.Items.Where(e => e.Document.Id == doc.Id).ToList();
            var removed = ledger.Removed.Where(r => r.Document.Id == doc.Id).ToList();
            var checkedBy = CheckedItems(doc, items, checks);
            var docRows = items.Select(e => new ReviewRow(
                    e.Key,
                    doc.Name,
                    e.Corrected ? ReviewState.Corrected : checkedBy.ContainsKey(e.Key) ? ReviewState.Checked : ReviewState.Left,
                    DoubtsOf(e.Item),
                    null,
                    ReadItemState.Of(e),
                    e.Changes,
                    false,
                    checkedBy.GetValueOrDefault(e.Key)))
                .Concat(removed.Select(r => new ReviewRow(r.Key, doc.Name, ReviewState.Corrected, DoubtsOf(r.Item), null, ReadItemState.Of(r), [r.Change], true, null)))
                .ToList();
            progress.Add(new DocumentProgress(doc.Name, doc.Key, docRows.Count,
                docRows.Count(r => r.State == ReviewState.Checked), docRows.Count(r => r.State == ReviewState.Corrected), docRows.Count(r => r.State == ReviewState.Left)));
            rows.AddRange(docRows);
        }

        var shown = rows.Where(r => all || r.State == ReviewState.Left)
            .Select((r, i) => (r, i))
            .OrderByDescending(x => x.r.Doubts.Count)
            .ThenBy(x => x.i)
            .Select(x => x.r)
            .ToList();
        var total = shown.Count;
        if (limit is > 0)
        {
            shown = shown.Take(limit.Value).ToList();
        }

        var orphaned = ledger.Corrections.Count(c => ledger.StateOf(c.Id) is { State: CorrectionState.Orphaned } && CorrectionService.Sees(actor, ledger, c));
        return new ReviewQueue(await WithClausesAsync(shown, ledger, ct), progress, total, orphaned);
    }

    /// <summary>
    /// One document's review (see <see cref="DocumentReview"/>), named by its key exactly (as <see cref="DocumentProgress.DocumentKey"/>
    /// gives it); needs <see cref="TrackingAction.Review"/> and the document in the person's jurisdictions.
    /// </summary>
    public async Task<DocumentReview> DocumentAsync(Actor actor, string documentKey, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(documentKey);
        if (CorrectionAccess.Deny(actor, TrackingAction.Review) is { } denied)
        {
            return new DocumentReview(null, null, null, [], denied);
        }

        var ledger = await EffectiveItems.LoadAsync(db, new ItemFilter(Document: documentKey), ct);
        var doc = ledger.Documents.FirstOrDefault(d => d.Key == documentKey && actor.Sees(d.Jurisdiction));
        if (doc is null)
        {
            return new DocumentReview(null, null, null, [], CorrectionCodes.NoDocument(documentKey, null));
        }

        var queue = await QueueAsync(actor, documentKey, all: true, ct: ct);
        var items = ledger.Items.Where(e => e.Document.Id == doc.Id).ToList();
        var keys = items.Select(e => e.Key).Concat(ledger.Removed.Where(r => r.Document.Id == doc.Id).Select(r => r.Key)).ToHashSet(StringComparer.Ordinal);
        var rows = queue.Rows.Where(r => keys.Contains(r.Key)).ToList();
        var progress = queue.Progress.FirstOrDefault(p => p.DocumentKey == doc.Key);
        var text = await db.SourceTexts.AsNoTracking().Where(t => t.SourceId == doc.SourceId && t.Version == doc.Version).Select(t => t.Text).FirstOrDefaultAsync(ct);
        MarkedText? source = null;
        if (text is not null)
        {
            var marks = items.SelectMany(e => SourceMarks.Of(e.Key, e.Item)).ToList();
            var (start, end) = doc.SpanLength > 0 ? (doc.SpanStart, doc.SpanStart + doc.SpanLength) : (0, text.Length);
            source = SourceMarks.Clip(text, start, end, marks);
        }

        return new DocumentReview(doc, source, progress, rows);
    }

    /// <summary>Records that a person checked the item as the ledger shows it and found it right; the same check again changes nothing.</summary>
    public async Task<CheckResult> MarkCheckedAsync(Actor actor, string typed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (CorrectionAccess.Deny(actor, TrackingAction.Correct) is { } denied)
        {
            return new CheckResult(null, ChangeOutcome.Unchanged, denied);
        }

        var store = new CorrectionStore(db, clock, actor.Name);
        var (located, problem) = await store.LocateAsync(typed, ct);
        if (located is null)
        {
            return new CheckResult(null, ChangeOutcome.Unchanged, problem);
        }

        var doc = located.Document;
        if (CorrectionAccess.Outside(actor, doc.Jurisdiction) is { } outside)
        {
            return new CheckResult(null, ChangeOutcome.Unchanged, outside);
        }

        var ledger = await EffectiveItems.LoadAsync(db, new ItemFilter(DocumentIds: [doc.Id]), ct);
        var item = ledger.Items.FirstOrDefault(e => ItemKey.ItemMatches(located.ItemPart, e.Item.Id, e.Item.Number));
        if (item is null)
        {
            var removed = ledger.Removed.Any(r => ItemKey.ItemMatches(located.ItemPart, r.Item.Id, r.Item.Number));
            return new CheckResult(null, ChangeOutcome.Unchanged, removed
                ? CorrectionCodes.Conflicting($"{typed} 已标为非事项，无需核对")
                : CorrectionCodes.NoItem(typed, string.Empty));
        }

        var fingerprint = TextSimilarity.Fingerprint(item.Item.Text);
        var sourceFile = await store.SourceFileAsync(located, ct);
        var existing = await db.ReviewChecks.AsTracking().Where(c => c.DocumentKey == doc.Key && c.ItemId == item.Item.Id).ToListAsync(ct);
        if (existing.Any(c => c.Fingerprint == fingerprint && c.SourceFile == sourceFile))
        {
            return new CheckResult(item.Key, ChangeOutcome.Unchanged, null);
        }

        db.ReviewChecks.RemoveRange(existing.Where(c => c.SourceFile == sourceFile));
        db.ReviewChecks.Add(new ReviewCheck
        {
            DocumentKey = doc.Key,
            SourceFile = sourceFile,
            ItemId = item.Item.Id,
            ItemNumber = item.Item.Number,
            ItemText = item.Item.Text,
            Fingerprint = fingerprint,
            By = actor.Name,
            At = store.Now,
        });
        store.Audit("check", "items", item.Key, null, new { @checked = true, text = item.Item.Text }, "review --mark-checked");
        await db.SaveChangesAsync(ct);
        return new CheckResult(item.Key, existing.Count > 0 ? ChangeOutcome.Replaced : ChangeOutcome.Added, null);
    }

    /// <summary>
    /// The items of a document a person checked, and by whom: a check finds the item with the same text (whitespace and
    /// punctuation aside), preferring the same id; a check whose text is no longer there holds nothing.
    /// </summary>
    public static Dictionary<string, string> CheckedItems(DocumentView doc, IReadOnlyList<EffectiveItem> items, IEnumerable<ReviewCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return Match(doc.Key, doc.FileName, items.Select(e => (e.Key, e.Item.Id, e.Item.Text)).ToList(), checks);
    }

    /// <summary>
    /// Of the items given (a page of the 台账, as tracking shows them), those a person checked, and by whom — matched as
    /// <see cref="CheckedItems"/> matches them, among the items given — with one query: the checks of their documents.
    /// </summary>
    /// <param name="fileOfDocument">The file name of each item's document version (by document id): a check made on another file holds nothing.</param>
    public async Task<IReadOnlyDictionary<string, string>> CheckedAsync(IReadOnlyList<TrackedItem> items, IReadOnlyDictionary<long, string> fileOfDocument, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(fileOfDocument);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (items.Count == 0)
        {
            return result;
        }

        var keys = items.Select(i => i.DocumentKey).Distinct(StringComparer.Ordinal).ToList();
        var checks = await db.ReviewChecks.AsNoTracking().Where(c => keys.Contains(c.DocumentKey)).ToListAsync(ct);
        foreach (var document in items.GroupBy(i => (i.DocumentId, i.DocumentKey)))
        {
            var file = fileOfDocument.GetValueOrDefault(document.Key.DocumentId);
            foreach (var (key, by) in Match(document.Key.DocumentKey, file, document.Select(i => (i.Key, i.ItemKey, i.Text)).ToList(), checks))
            {
                result[key] = by;
            }
        }

        return result;
    }

    private static Dictionary<string, string> Match(string documentKey, string? fileName, IReadOnlyList<(string Key, string Id, string Text)> items, IEnumerable<ReviewCheck> checks)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var prints = items.Select(e => TextSimilarity.Fingerprint(e.Text)).ToList();
        foreach (var check in checks.Where(c => DocumentKey.Normalize(c.DocumentKey) == DocumentKey.Normalize(documentKey) && (c.SourceFile is null || c.SourceFile == fileName)))
        {
            var same = items.Where((e, i) => prints[i] == check.Fingerprint).ToList();
            var hit = same.FirstOrDefault(e => DocumentKey.Normalize(e.Id) == DocumentKey.Normalize(check.ItemId));
            if (hit == default && same.Count == 1)
            {
                hit = same[0];
            }

            if (hit != default)
            {
                result[hit.Key] = check.By;
            }
        }

        return result;
    }

    /// <summary>
    /// Why an item is doubtful: the reader's diagnostics on it where the ledger holds them, and what the stored reading
    /// shows by itself: no responsibility clause read, or a clause without a unit.
    /// </summary>
    public static IReadOnlyList<ItemDoubt> DoubtsOf(ReadItem item)
    {
        var doubts = item.Doubts.ToList();
        if (item.Roles.Count == 0 && !doubts.Any(d => d.Code is DiagnosticCodes.NoClause or DiagnosticCodes.ClauseEmpty))
        {
            doubts.Add(item.ClauseStart is null
                ? new ItemDoubt(DiagnosticCodes.NoClause, "本条没有读出责任分工")
                : new ItemDoubt(DiagnosticCodes.ClauseEmpty, "责任分工中没有读出单位"));
        }

        return doubts;
    }

    /// <summary>Adds to each row the clause as written (else the item as written), from the stored text of its file version.</summary>
    private async Task<IReadOnlyList<ReviewRow>> WithClausesAsync(List<ReviewRow> rows, EffectiveLedger ledger, CancellationToken ct)
    {
        var byKey = ledger.Items.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => (g.First().Document, g.First().Item), StringComparer.Ordinal);
        foreach (var r in ledger.Removed)
        {
            byKey.TryAdd(r.Key, (r.Document, r.Item));
        }

        var texts = new Dictionary<(long, int), string?>();
        var result = new List<ReviewRow>(rows.Count);
        foreach (var row in rows)
        {
            if (!byKey.TryGetValue(row.Key, out var found))
            {
                result.Add(row);
                continue;
            }

            var (doc, item) = found;
            if (!texts.TryGetValue((doc.SourceId, doc.Version), out var text))
            {
                text = await db.SourceTexts.AsNoTracking().Where(t => t.SourceId == doc.SourceId && t.Version == doc.Version).Select(t => t.Text).FirstOrDefaultAsync(ct);
                texts[(doc.SourceId, doc.Version)] = text;
            }

            var (start, length) = item.ClauseStart is { } s && item.ClauseLength is { } l ? (s, l) : (item.SpanStart, item.SpanLength);
            var clause = text is null || start < 0 || length <= 0 || start + length > text.Length ? null : text.Substring(start, length);
            result.Add(row with { Clause = clause });
        }

        return result;
    }
}
