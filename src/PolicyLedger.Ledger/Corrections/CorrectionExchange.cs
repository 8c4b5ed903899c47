using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Ledger.Corrections;

/// <summary>What importing a correction file did.</summary>
public sealed record CorrectionImportResult(
    string File,
    int Added,
    int Replaced,
    int Unchanged,
    int KeptNewer,
    int ChecksAdded,
    int ChecksUnchanged,
    IReadOnlyList<EntryProblem> Problems,
    ReapplyResult? Reapply)
{
    public bool Changed => Added + Replaced + ChecksAdded > 0;
}

/// <summary>
/// Corrections and checks to and from a file (<see cref="CorrectionFile"/>). Export writes every correction with its
/// anchor, so another ledger holding the same documents finds the same items. Import applies each valid entry and
/// names each broken one; an entry the ledger already holds changes nothing, so importing a file twice changes
/// nothing; where the ledger holds a later correction of the same field, it is kept. Exporting needs
/// <see cref="TrackingAction.Review"/>, importing <see cref="TrackingAction.Correct"/> (entries of documents outside the
/// person's jurisdictions are refused one by one).
/// </summary>
public sealed class CorrectionExchange(LedgerContext db, TimeProvider clock, IUnitResolution units)
{
    /// <returns>How many corrections and checks were written, or why the person may not export them.</returns>
    public async Task<(int Corrections, int Checks, CorrectionProblem? Problem)> ExportAsync(Actor actor, TextWriter writer, string? document = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (CorrectionAccess.Deny(actor, TrackingAction.Review) is { } denied)
        {
            return (0, 0, denied);
        }

        var ledger = await EffectiveItems.LoadAsync(db, new ItemFilter(Document: document), ct);
        var entries = new List<(CorrectionEntry, string?)>();
        foreach (var c in ledger.Corrections)
        {
            if (ledger.StateOf(c.Id) is not { } outcome || !CorrectionService.Sees(actor, ledger, c))
            {
                continue;
            }

            var key = new ItemKey(c.Anchor.DocumentKey, c.Anchor.ItemId).ToString();
            var comment = outcome.State == CorrectionState.Applied
                ? outcome.ItemKey == key ? null : $"现套用于 {outcome.ItemKey}"
                : $"失去对应（orphaned）：{outcome.Problem}";
            entries.Add((new CorrectionEntry(0, 0, key, c.Anchor.SourceFile, c.Anchor.Text, c.Field, c.Value,
                c.Kind == CorrectionKind.Split ? c.NewItemId : null, c.Next?.ItemId, c.Next?.Text, c.Why, c.By, CorrectionFile.Time(c.At))
            {
                PreviousFingerprint = c.Anchor.PreviousFingerprint,
                NextFingerprint = c.Anchor.NextFingerprint,
            }, comment));
        }

        var checks = (await db.ReviewChecks.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct))
            .Where(c => (document is null && actor.Jurisdictions.Count == 0)
                || ledger.Documents.Any(d => DocumentKey.Normalize(d.Key) == DocumentKey.Normalize(c.DocumentKey) && actor.Sees(d.Jurisdiction)))
            .Select(c => new CheckEntry(0, 0, new ItemKey(c.DocumentKey, c.ItemId).ToString(), c.SourceFile, c.ItemText, c.By, CorrectionFile.Time(c.At)))
            .ToList();
        CorrectionFile.Write(writer, entries, checks);
        return (entries.Count, checks.Count, null);
    }

    public async Task<CorrectionImportResult> ImportAsync(Actor actor, string path, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var name = Path.GetFileName(path);
        if (CorrectionAccess.Deny(actor, TrackingAction.Correct) is { } denied)
        {
            return new CorrectionImportResult(path, 0, 0, 0, 0, 0, 0, [new EntryProblem(name, 0, 0, null, denied)], null);
        }

        var store = new CorrectionStore(db, clock, actor.Name);
        CorrectionFileContent content;
        try
        {
            using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            content = CorrectionFile.Read(reader, name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CorrectionImportResult(path, 0, 0, 0, 0, 0, 0, [new EntryProblem(name, 0, 0, null, CorrectionCodes.File($"无法读取文件：{e.Message}"))], null);
        }

        var problems = content.Problems.ToList();
        var docs = await store.DocumentsAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var stored = await db.Corrections.AsTracking().Include(c => c.Units).ThenInclude(u => u.Unit).OrderBy(c => c.Id).ToListAsync(ct);
        var ledgers = new Dictionary<long, (EffectiveLedger Ledger, IReadOnlyList<MatchCandidate> Read)>();
        var placed = stored.ToDictionary(c => c, c => (string?)null);
        foreach (var c in stored)
        {
            var doc = docs.FirstOrDefault(d => EffectiveItems.Concerns(EffectiveItems.Record(c), d));
            if (doc is not null)
            {
                var (ledger, _) = await LedgerOfAsync(doc, ledgers, ct);
                placed[c] = ledger.StateOf(c.Id) is { State: CorrectionState.Applied } o ? o.ItemKey : null;
            }
        }

        int added = 0, replaced = 0, unchanged = 0, kept = 0;
        foreach (var entry in content.Corrections)
        {
            var (entity, doc, problem) = Entity(store, entry, docs);
            if (problem is null && doc is not null && CorrectionAccess.Outside(actor, doc.Jurisdiction) is { } outside)
            {
                problem = outside;
            }

            if (problem is not null)
            {
                problems.Add(new EntryProblem(CorrectionFile.CorrectionsSection, entry.Number, entry.Line, entry.Item, problem));
                continue;
            }

            var e = entity!;
            var anchor = new ItemAnchor(e.DocumentKey, e.SourceFile, e.ItemId, e.ItemNumber, e.ItemText) { PreviousFingerprint = e.PreviousFingerprint, NextFingerprint = e.NextFingerprint };
            var structural = e.Kind is CorrectionKind.NotAnItem or CorrectionKind.Split or CorrectionKind.MergeNext;
            string? bound = null;
            if (doc is not null && e.Kind != CorrectionKind.AsItem)
            {
                var (ledger, read) = await LedgerOfAsync(doc, ledgers, ct);
                var candidates = structural
                    ? read
                    : ledger.Items.Where(x => x.Document.Id == doc.Id).Select(x => new MatchCandidate(x.Item.Id, x.Item.Text))
                        .Concat(ledger.Removed.Where(x => x.Document.Id == doc.Id).Select(x => new MatchCandidate(x.Item.Id, x.Item.Text, true))).ToList();
                var binding = AnchorMatcher.Bind([anchor], candidates)[0];
                bound = binding.Index is { } i ? new ItemKey(doc.Key, candidates[i].Id).ToString() : null;
            }

            var group = placed.Keys
                .Where(c => DocumentKey.Normalize(c.DocumentKey) == DocumentKey.Normalize(e.DocumentKey) && c.SourceFile == e.SourceFile
                    && (bound is not null ? placed[c] == bound : new ItemAnchor(c.DocumentKey, c.SourceFile, c.ItemId, c.ItemNumber, c.ItemText).SameItemAs(anchor))
                    && (c.Kind is CorrectionKind.NotAnItem or CorrectionKind.Split or CorrectionKind.MergeNext) == structural)
                .ToList();
            var (outcome, old) = CorrectionRules.Decide(e, structural ? group.Where(c => c.Kind == e.Kind).ToList() : group);
            if (outcome == ChangeOutcome.Replaced && old.Any(o => o.At > e.At))
            {
                outcome = ChangeOutcome.KeptNewer;
            }

            switch (outcome)
            {
                case ChangeOutcome.Unchanged:
                    unchanged++;
                    continue;
                case ChangeOutcome.KeptNewer:
                    kept++;
                    continue;
                case ChangeOutcome.Replaced:
                    replaced++;
                    break;
                default:
                    added++;
                    break;
            }

            if (doc is not null && CorrectionRules.NamesUnits(e.Kind))
            {
                e.Units = await store.ResolveAsync(units, doc.Jurisdiction, e.Units.OrderBy(u => u.Ordinal).Select(u => u.Mention).ToList(), ct);
                e.UnitsFingerprint = units.Fingerprint;
            }

            foreach (var o in old)
            {
                placed.Remove(o);
            }

            db.Corrections.RemoveRange(old);
            db.Corrections.Add(e);
            placed[e] = bound;
            var field = CorrectionRecord.FieldOf(e.Kind, e.Role);
            store.Audit("correct", "items", CorrectionStore.ItemKeyOf(e),
                new Dictionary<string, object?> { [field] = old.FirstOrDefault()?.Value },
                new Dictionary<string, object?> { [field] = e.Value, ["by"] = e.By, ["why"] = e.Why },
                $"corrections import {name}");
        }

        var (checksAdded, checksUnchanged) = await ImportChecksAsync(store, actor, content.Checks, docs, problems, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();

        var reapply = added + replaced > 0 || stored.Any(c => c.State is null)
            ? await new CorrectionService(db, clock, units).ReapplyAsync(actor, ct)
            : null;
        return new CorrectionImportResult(path, added, replaced, unchanged, kept, checksAdded, checksUnchanged,
            problems.OrderBy(p => p.Section == CorrectionFile.ChecksSection).ThenBy(p => p.Number).ToList(), reapply);
    }

    private async Task<(EffectiveLedger Ledger, IReadOnlyList<MatchCandidate> Read)> LedgerOfAsync(DocumentView doc, Dictionary<long, (EffectiveLedger, IReadOnlyList<MatchCandidate>)> cache, CancellationToken ct)
    {
        if (!cache.TryGetValue(doc.Id, out var found))
        {
            var ledger = await EffectiveItems.LoadAsync(db, new ItemFilter(DocumentIds: [doc.Id]), ct);
            var read = await db.Items.AsNoTracking().Where(i => i.DocumentId == doc.Id).OrderBy(i => i.Ordinal).Select(i => new MatchCandidate(i.Key, i.Text, false)).ToListAsync(ct);
            found = (ledger, read);
            cache[doc.Id] = found;
        }

        return found;
    }

    /// <summary>Reads one entry into a correction (not stored yet), or says what is wrong with it.</summary>
    private static (ItemCorrection? Entity, DocumentView? Document, CorrectionProblem? Problem) Entity(CorrectionStore store, CorrectionEntry entry, IReadOnlyList<DocumentView> docs)
    {
        if (!ItemKey.TryParse(entry.Item, out var key))
        {
            return (null, null, CorrectionCodes.Entry(entry.Item is null ? "缺少 item（事项编号，如 青管〔2023〕7号#12）" : $"item“{entry.Item}”不是事项编号：应写作“文号#序号”"));
        }

        if (string.IsNullOrWhiteSpace(entry.Text))
        {
            return (null, null, CorrectionCodes.Entry("缺少 text（校对时该项的文字），无法在文件的新版本中找到该项"));
        }

        if (!CorrectionRules.TryKind(entry.Change, out var kind, out var role))
        {
            return (null, null, CorrectionCodes.Entry($"change“{entry.Change}”不是可用的修改：lead、responsible、cooperating、add-lead、add-responsible、add-cooperating、remove、deadline、target、not-an-item、as-item、split、merge-next"));
        }

        var at = store.Now;
        if (entry.At is not null && !CorrectionFile.TryTime(entry.At, out at))
        {
            return (null, null, CorrectionCodes.Entry($"at“{entry.At}”不是时间：应写作 2024-05-06T10:00:00+08:00"));
        }

        if (kind == CorrectionKind.MergeNext && (string.IsNullOrWhiteSpace(entry.NextItem) || string.IsNullOrWhiteSpace(entry.NextText)))
        {
            return (null, null, CorrectionCodes.Entry("merge-next 需要 next: 下一项的 item 和 text"));
        }

        var doc = docs.FirstOrDefault(d => DocumentKey.Normalize(d.Key) == DocumentKey.Normalize(key.Document) && (entry.File is null || entry.File == d.FileName));
        var number = int.TryParse(DocumentKey.Normalize(key.Item).Trim('〔', '〕'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        var anchor = new ItemAnchor(doc?.Key ?? key.Document, entry.File, key.Item, number, entry.Text.Trim())
        {
            PreviousFingerprint = Print(entry.PreviousFingerprint),
            NextFingerprint = Print(entry.NextFingerprint),
        };
        var next = kind == CorrectionKind.MergeNext ? anchor with { ItemId = entry.NextItem!.Trim(), Number = null, Text = entry.NextText!.Trim() } : null;
        var (entity, problem) = CorrectionFactory.Create(anchor, new ChangeRequest(kind, role, entry.Value, entry.NewItem), entry.Why, string.IsNullOrWhiteSpace(entry.By) ? store.Actor : entry.By.Trim(), at, next);
        return (entity, doc, problem);
    }

    /// <summary>A fingerprint as files hold it (16 hex digits), else none.</summary>
    private static string? Print(string? text) =>
        text is { Length: 16 } t && t.All(char.IsAsciiHexDigitLower) ? t : null;

    private async Task<(int Added, int Unchanged)> ImportChecksAsync(CorrectionStore store, Actor actor, IReadOnlyList<CheckEntry> entries, IReadOnlyList<DocumentView> docs, List<EntryProblem> problems, CancellationToken ct)
    {
        var stored = await db.ReviewChecks.AsTracking().ToListAsync(ct);
        int added = 0, unchanged = 0;
        foreach (var entry in entries)
        {
            CorrectionProblem? problem = null;
            if (!ItemKey.TryParse(entry.Item, out var key))
            {
                problem = CorrectionCodes.Entry($"item“{entry.Item}”不是事项编号：应写作“文号#序号”");
            }
            else if (string.IsNullOrWhiteSpace(entry.Text))
            {
                problem = CorrectionCodes.Entry("缺少 text（核对时该项的文字）");
            }

            var at = store.Now;
            if (problem is null && entry.At is not null && !CorrectionFile.TryTime(entry.At, out at))
            {
                problem = CorrectionCodes.Entry($"at“{entry.At}”不是时间：应写作 2024-05-06T10:00:00+08:00");
            }

            if (problem is not null)
            {
                problems.Add(new EntryProblem(CorrectionFile.ChecksSection, entry.Number, entry.Line, entry.Item, problem));
                continue;
            }

            var doc = docs.FirstOrDefault(d => DocumentKey.Normalize(d.Key) == DocumentKey.Normalize(key.Document));
            if (doc is not null && CorrectionAccess.Outside(actor, doc.Jurisdiction) is { } outside)
            {
                problems.Add(new EntryProblem(CorrectionFile.ChecksSection, entry.Number, entry.Line, entry.Item, outside));
                continue;
            }

            var documentKey = doc?.Key ?? key.Document;
            var fingerprint = TextSimilarity.Fingerprint(entry.Text!);
            var same = stored.Where(c => DocumentKey.Normalize(c.DocumentKey) == DocumentKey.Normalize(documentKey) && DocumentKey.Normalize(c.ItemId) == DocumentKey.Normalize(key.Item) && c.SourceFile == entry.File).ToList();
            if (same.Any(c => c.Fingerprint == fingerprint) || same.Any(c => c.At > at))
            {
                unchanged++;
                continue;
            }

            db.ReviewChecks.RemoveRange(same);
            var check = new ReviewCheck
            {
                DocumentKey = documentKey,
                SourceFile = entry.File,
                ItemId = key.Item,
                ItemNumber = int.TryParse(key.Item, out var n) ? n : null,
                ItemText = entry.Text!.Trim(),
                Fingerprint = fingerprint,
                By = string.IsNullOrWhiteSpace(entry.By) ? actor.Name : entry.By.Trim(),
                At = at.ToUniversalTime(),
            };
            db.ReviewChecks.Add(check);
            stored.RemoveAll(same.Contains);
            stored.Add(check);
            store.Audit("check", "items", new ItemKey(documentKey, key.Item).ToString(), null, new { @checked = true, by = check.By }, "corrections import");
            added++;
        }

        return (added, unchanged);
    }
}
