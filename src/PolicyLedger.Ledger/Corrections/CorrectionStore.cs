using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Ledger.Corrections;

/// <summary>Where a typed item key led: the document, the item's id as typed, and whether the file-based form was used.</summary>
internal sealed record Located(DocumentView Document, string ItemPart, bool ByFile);

/// <summary>
/// What the correction services share: finding the document a person names, resolving the units a correction names
/// (the same resolution as imports), writing audit rows, and recording each correction's state.
/// </summary>
internal sealed partial class CorrectionStore(LedgerContext db, TimeProvider clock, string actor)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public LedgerContext Db => db;

    public string Actor => actor;

    /// <summary>Now, in UTC (PostgreSQL stores timestamptz at offset 0 only).</summary>
    public DateTimeOffset Now => clock.GetUtcNow().ToUniversalTime();

    [GeneratedRegex(@"^(\d+)(?:\.(\d+))?$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex FileForm();

    public async Task<IReadOnlyList<DocumentView>> DocumentsAsync(CancellationToken ct) =>
        (await db.Documents.AsNoTracking().Where(d => d.IsCurrent).OrderBy(d => d.Source!.Path).ThenBy(d => d.Position)
            .Select(x => new { x.Id, x.SourceId, x.Position, x.Version, x.Key, x.DocNumber, x.Title, x.Source!.FileName, x.Jurisdiction, x.Date, x.ImportedAt, x.SpanStart, x.SpanLength })
            .ToListAsync(ct))
        .Select(x => new DocumentView(x.Id, x.SourceId, x.Position, x.Version, x.Key, x.DocNumber ?? x.Title ?? $"{x.FileName}#{x.Position + 1}",
            x.DocNumber, x.Title, x.FileName, x.Jurisdiction, x.Date, x.ImportedAt, x.SpanStart, x.SpanLength))
        .ToList();

    /// <summary>
    /// The document a typed item key names: by its key (brackets and widths aside), or by the file-based form ("3#12",
    /// "3.2#12") that tells apart two current documents with one key. Never guesses between documents.
    /// </summary>
    public async Task<(Located? Found, CorrectionProblem? Problem)> LocateAsync(string? typed, CancellationToken ct)
    {
        if (!ItemKey.TryParse(typed, out var key))
        {
            return (null, CorrectionCodes.NoItem(typed ?? string.Empty, $"“{typed}”不是事项编号：应写作“文号#序号”，如 青管〔2023〕7号#12（ledger 命令列出每项的编号）"));
        }

        var docs = await DocumentsAsync(ct);
        var wanted = DocumentKey.Normalize(key.Document);
        var matches = docs.Where(d => DocumentKey.Normalize(d.Key) == wanted).ToList();
        var byFile = false;
        if (matches.Count == 0 && FileForm().Match(key.Document.Trim()) is { Success: true } m)
        {
            var source = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var position = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) - 1 : 0;
            matches = docs.Where(d => d.SourceId == source && d.Position == position).ToList();
            byFile = true;
        }

        return matches.Count switch
        {
            1 => (new Located(matches[0], key.Item, byFile), null),
            0 => (null, CorrectionCodes.NoItem(typed!, $"没有编号为 {typed} 的事项：台账中没有文件 {key.Document}")),
            _ => (null, CorrectionCodes.NoItem(typed!, $"编号 {typed} 对应多个文件，请用文件编号区分：{string.Join("；", matches.Select(d => $"{TrackedItem.MakeKey(d.SourceId, d.Position, key.Item)}（{d.FileName}）"))}")),
        };
    }

    /// <summary>The file a correction is limited to: only where the reviewer named a file and another current document has the same key.</summary>
    public async Task<string?> SourceFileAsync(Located located, CancellationToken ct)
    {
        if (!located.ByFile)
        {
            return null;
        }

        var key = located.Document.Key;
        var same = await db.Documents.AsNoTracking().CountAsync(d => d.IsCurrent && d.Key == key, ct);
        return same > 1 ? located.Document.FileName : null;
    }

    /// <summary>
    /// Resolves the names a correction gives, in order, as the importer resolves a clause (the document's
    /// jurisdiction, the alias files), and adds units the ledger does not hold yet.
    /// </summary>
    public async Task<List<CorrectionUnit>> ResolveAsync(IUnitResolution units, string jurisdiction, IReadOnlyList<string> names, CancellationToken ct)
    {
        var resolved = names.Count == 0 ? [] : units.ResolveClause(jurisdiction, names);
        var result = new List<CorrectionUnit>();
        for (var i = 0; i < names.Count; i++)
        {
            result.Add(new CorrectionUnit { Ordinal = i, Mention = names[i], Unit = await UnitAsync(resolved[i], ct) });
        }

        return result;
    }

    private async Task<LedgerUnit> UnitAsync(ResolvedUnit unit, CancellationToken ct)
    {
        var local = db.Units.Local.FirstOrDefault(u => u.Key == unit.Key);
        if (local is not null)
        {
            return local;
        }

        var stored = await db.Units.AsTracking().FirstOrDefaultAsync(u => u.Key == unit.Key, ct);
        if (stored is not null)
        {
            return stored;
        }

        var added = new LedgerUnit { Key = unit.Key, Name = unit.Name, Jurisdiction = unit.Jurisdiction, Kind = unit.Kind };
        db.Units.Add(added);
        return added;
    }

    /// <summary>Adds an audit row (saved with the next SaveChanges): who, when, what, before and after.</summary>
    public void Audit(string action, string entity, string? key, object? before, object? after, string? context) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = Now,
            Actor = actor,
            Action = action,
            Entity = entity,
            EntityKey = key,
            Context = context,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });

    /// <summary>An item's values as the ledger shows them, for the audit log: only the fields that differ between the two are kept.</summary>
    public static (Dictionary<string, object?> Before, Dictionary<string, object?> After) Difference(ReadItemState? before, ReadItemState? after)
    {
        var a = before?.Values() ?? new Dictionary<string, object?> { ["item"] = null };
        var b = after?.Values() ?? new Dictionary<string, object?> { ["item"] = null };
        var keys = a.Keys.Union(b.Keys).Where(k => JsonSerializer.Serialize(a.GetValueOrDefault(k), Json) != JsonSerializer.Serialize(b.GetValueOrDefault(k), Json)).ToList();
        return (keys.ToDictionary(k => k, k => a.GetValueOrDefault(k)), keys.ToDictionary(k => k, k => b.GetValueOrDefault(k)));
    }

    /// <summary>
    /// Records each correction's state as now computed (and writes an audit row where it changed), and moves the anchor of
    /// each applied correction to the item it found, so it follows the document from version to version. An anchor
    /// is moved only where one current document answers to it.
    /// </summary>
    public IReadOnlyList<StateChange> RecordStates(IReadOnlyList<ItemCorrection> tracked, EffectiveLedger ledger, IReadOnlyList<DocumentView> documents, string context)
    {
        var changes = new List<StateChange>();
        foreach (var c in tracked)
        {
            var record = EffectiveItems.Record(c);
            var answering = documents.Where(d => EffectiveItems.Concerns(record, d)).ToList();
            var outcome = ledger.StateOf(c.Id)
                ?? new CorrectionOutcome(c.Id, null, CorrectionState.Orphaned, null, null, 0, CorrectionCodes.NoDocument(c.DocumentKey, c.SourceFile));
            if (outcome.State == CorrectionState.Applied && answering.Count == 1 && outcome.Found is { } found)
            {
                Reanchor(c, found, outcome.FoundNext);
            }

            var state = outcome.State == CorrectionState.Applied ? "applied" : "orphaned";
            var reason = outcome.Problem?.ToString();
            if (c.State != state || c.StateItem != outcome.ItemKey || c.StateReason != reason)
            {
                if (c.State is not null)
                {
                    Audit("reapply", "corrections", c.Id.ToString(CultureInfo.InvariantCulture),
                        new { state = c.State, item = c.StateItem, reason = c.StateReason },
                        new { state, item = outcome.ItemKey, reason }, context);
                }

                changes.Add(new StateChange(c.Id, ItemKeyOf(c), CorrectionRecord.FieldOf(c.Kind, c.Role), c.State, state, outcome.ItemKey, outcome.Problem));
                c.State = state;
                c.StateItem = outcome.ItemKey;
                c.StateReason = reason;
            }
        }

        return changes;
    }

    /// <summary>Moves a correction's anchor to the item as it stands now (and, for a merge, the item after it).</summary>
    public static void Reanchor(ItemCorrection c, ItemAnchor found, ItemAnchor? next)
    {
        if (c.ItemId != found.ItemId || c.ItemNumber != found.Number || c.Fingerprint != found.Fingerprint
            || c.PreviousFingerprint != found.PreviousFingerprint || c.NextFingerprint != found.NextFingerprint)
        {
            c.ItemId = found.ItemId;
            c.ItemNumber = found.Number;
            c.ItemText = found.Text;
            c.Fingerprint = found.Fingerprint;
            c.PreviousFingerprint = found.PreviousFingerprint;
            c.NextFingerprint = found.NextFingerprint;
        }

        if (next is not null && (c.NextItemId != next.ItemId || c.NextItemText != next.Text))
        {
            c.NextItemId = next.ItemId;
            c.NextItemText = next.Text;
        }
    }

    /// <summary>The key a correction was made for: its document's key and its anchor's item id.</summary>
    public static string ItemKeyOf(ItemCorrection c) => new ItemKey(c.DocumentKey, c.ItemId).ToString();
}

/// <summary>A correction whose state changed (on re-import, or when another correction moved its item).</summary>
public sealed record StateChange(long CorrectionId, string Anchor, string Field, string? Before, string After, string? ItemKey, CorrectionProblem? Problem);

/// <summary>An item's values for the audit log and for showing what was read beside what was corrected.</summary>
public sealed record ReadItemState(string Key, string Text, IReadOnlyList<string> Lead, IReadOnlyList<string> Responsible, IReadOnlyList<string> Cooperating, DateOnly? Deadline, string? Target)
{
    public static ReadItemState Of(EffectiveItem e) => Of(e.Key, e.Item, e.Deadline, e.Target);

    /// <summary>An item a correction took out, as it was read.</summary>
    public static ReadItemState Of(RemovedItem r) => Of(r.Key, r.Item, EffectiveItem.DeadlineOf(r.Item.Times), EffectiveItem.MainTargetOf(r.Item.Quantities));

    private static ReadItemState Of(string key, ReadItem item, DateOnly? deadline, ItemQuantity? target) => new(
        key,
        item.Text,
        item.MentionsIn(LedgerRole.Lead).ToList(),
        item.MentionsIn(LedgerRole.Responsible).ToList(),
        item.MentionsIn(LedgerRole.Cooperating).ToList(),
        deadline,
        target?.Text);

    public Dictionary<string, object?> Values() => new()
    {
        ["item"] = Key,
        ["text"] = Text,
        ["lead"] = Lead,
        ["responsible"] = Responsible,
        ["cooperating"] = Cooperating,
        ["deadline"] = Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["target"] = Target,
    };
}
