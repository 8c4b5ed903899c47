using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Ledger.Corrections;

/// <summary>One change asked of an item: its kind, the role it concerns, the value as written.</summary>
/// <param name="Value">Units (A、B; empty clears), a unit, a date (empty or 无: no deadline), a target, the text a split begins at, a paragraph (as-item).</param>
/// <param name="NewItemId">Split: the id of the second part (default: the number it opens with, else the first part's id and 之二).</param>
public sealed record ChangeRequest(CorrectionKind Kind, LedgerRole? Role = null, string? Value = null, string? NewItemId = null);

/// <summary>The corrections a reviewer asks for on one item (as-item: the key names the document and the new item's id).</summary>
public sealed record CorrectionInput(string Item, IReadOnlyList<ChangeRequest> Changes, string? Why = null);

/// <summary>What one change did.</summary>
public sealed record ChangeResult(string Field, ChangeOutcome Outcome, string? Value);

/// <summary>What a correction did: refused with the problems (nothing stored), or each change's outcome and the item before and after.</summary>
public sealed record CorrectResult(string? ItemKey, IReadOnlyList<CorrectionProblem> Problems, IReadOnlyList<ChangeResult> Changes, ReadItemState? Before, ReadItemState? After)
{
    public bool Ok => Problems.Count == 0;

    /// <summary>The acting person may not do this (<see cref="CorrectionAccess"/>): the CLI exits 3, the web answers 403.</summary>
    public bool Denied => Problems.Any(CorrectionAccess.IsDenial);

    public static CorrectResult Refused(string? key, params CorrectionProblem[] problems) => new(key, problems, [], null, null);
}

/// <summary>One row of <c>policyledger corrections</c>: a correction with its state.</summary>
/// <param name="Item">The key it was made for (its anchor).</param>
/// <param name="AppliedTo">The item key it applies to now (another number after a renumbering).</param>
public sealed record CorrectionRow(
    long Id,
    string Item,
    string Field,
    string? Value,
    string? Before,
    string? Why,
    string By,
    DateTimeOffset At,
    CorrectionState State,
    string? AppliedTo,
    MatchHow? How,
    CorrectionProblem? Problem);

/// <summary>What re-applying the corrections after an import found.</summary>
public sealed record ReapplyResult(int Applied, int Orphaned, IReadOnlyList<StateChange> Changes);

/// <summary>
/// Corrections of items: make one (<see cref="CorrectAsync"/>), revert an item's, list them with their state, and
/// apply them again after an import. Each call acts for one person (an <see cref="Actor"/>, whose permissions are
/// checked here) at the clock's time; units the corrections name resolve through <paramref name="units"/>, the
/// resolution imports use. Never prints; refusals are values with stable codes (<see cref="CorrectionCodes"/>);
/// nothing is stored when any change asked is refused.
/// </summary>
public sealed class CorrectionService(LedgerContext db, TimeProvider clock, IUnitResolution units)
{
    public async Task<CorrectResult> CorrectAsync(Actor actor, CorrectionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (CorrectionAccess.Deny(actor, TrackingAction.Correct) is { } denied)
        {
            return CorrectResult.Refused(input.Item, denied);
        }

        var store = new CorrectionStore(db, clock, actor.Name);
        if (input.Changes.Count == 0)
        {
            return CorrectResult.Refused(input.Item, CorrectionCodes.Nothing());
        }

        var (located, missing) = await store.LocateAsync(input.Item, ct);
        if (located is null)
        {
            return CorrectResult.Refused(input.Item, missing!);
        }

        var doc = located.Document;
        if (CorrectionAccess.Outside(actor, doc.Jurisdiction) is { } outside)
        {
            return CorrectResult.Refused(input.Item, outside);
        }

        var before = await EffectiveItems.LoadAsync(db, new ItemFilter(DocumentIds: [doc.Id]), ct);
        var item = before.Items.FirstOrDefault(e => ItemKey.ItemMatches(located.ItemPart, e.Item.Id, e.Item.Number));
        var removed = before.Removed.FirstOrDefault(r => ItemKey.ItemMatches(located.ItemPart, r.Item.Id, r.Item.Number));
        var asItem = input.Changes.FirstOrDefault(c => c.Kind == CorrectionKind.AsItem);
        var structural = input.Changes.Where(c => c.Kind is CorrectionKind.NotAnItem or CorrectionKind.Split or CorrectionKind.MergeNext).ToList();
        var key = item?.Key ?? removed?.Key ?? new ItemKey(doc.Key, located.ItemPart).ToString();

        if (asItem is not null ? item is not null || removed is not null : item is null)
        {
            return CorrectResult.Refused(key, asItem is not null ? CorrectionCodes.IdInUse(located.ItemPart)
                : removed is not null ? CorrectionCodes.Conflicting($"{key} 已标为非事项或已并入前一项：先用 --revert 撤销") : CorrectionCodes.NoItem(input.Item, string.Empty));
        }

        if (structural.Count > 1 || (structural.Count == 1 && input.Changes.Count > 1) || (asItem is not null && structural.Count > 0))
        {
            return CorrectResult.Refused(key, CorrectionCodes.Conflicting("删去（--not-an-item）、拆分（--split-at）、合并（--merge-next）各自单独校对，不与其他修改同时进行"));
        }

        if (structural.Count == 1 && item!.Item.LedgerItemId is null)
        {
            return CorrectResult.Refused(key, CorrectionCodes.Conflicting($"{key} 由校对产生（拆分或补充），不能再删去、拆分或合并：先撤销产生它的校对"));
        }

        var sourceFile = await store.SourceFileAsync(located, ct);
        var anchor = asItem is not null
            ? new ItemAnchor(doc.Key, sourceFile, located.ItemPart, NumberOf(located.ItemPart), asItem.Value ?? string.Empty)
            : structural.Count == 1
                ? await ReadAnchorAsync(doc, sourceFile, item!, ct)
                : new ItemAnchor(doc.Key, sourceFile, item!.Item.Id, item.Item.Number, item.Item.Text)
                    .Around(before.Items.Where(e => e.Document.Id == doc.Id).Select(e => e.Item.Text).ToList(), item.Ordinal);

        // Check every change before storing any.
        var problems = new List<CorrectionProblem>();
        var built = new List<ItemCorrection>();
        foreach (var change in input.Changes.OrderBy(c => c.Kind == CorrectionKind.AsItem ? 0 : 1))
        {
            var (entity, problem) = await BuildAsync(store, doc, before, item, change, change.Kind == CorrectionKind.AsItem || asItem is null ? anchor : anchor with { Text = string.Concat(anchor.Text.Where(c => !char.IsWhiteSpace(c))) }, input.Why, ct);
            if (problem is not null)
            {
                problems.Add(problem);
            }
            else
            {
                built.Add(entity!);
            }
        }

        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return CorrectResult.Refused(key, [.. problems]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var onItem = await TrackedAsync(before.Outcomes.Where(o => o.State == CorrectionState.Applied && o.ItemKey == key).Select(o => o.CorrectionId), ct);
        var results = new List<ChangeResult>();
        foreach (var entity in built)
        {
            var slot = entity.Kind is CorrectionKind.NotAnItem or CorrectionKind.Split or CorrectionKind.MergeNext
                ? onItem.Where(c => c.Kind == entity.Kind).ToList()
                : onItem.Where(c => c.Kind is not (CorrectionKind.NotAnItem or CorrectionKind.Split or CorrectionKind.MergeNext)).ToList();
            var (outcome, replaced) = CorrectionRules.Decide(entity, slot);
            results.Add(new ChangeResult(CorrectionRecord.FieldOf(entity.Kind, entity.Role), outcome, entity.Value));
            if (outcome == ChangeOutcome.Unchanged)
            {
                continue;
            }

            entity.Before ??= replaced.FirstOrDefault()?.Before;
            db.Corrections.RemoveRange(replaced);
            onItem.RemoveAll(replaced.Contains);
            db.Corrections.Add(entity);
            onItem.Add(entity);
        }

        if (results.All(r => r.Outcome == ChangeOutcome.Unchanged))
        {
            db.ChangeTracker.Clear();
            var same = item is null ? null : ReadItemState.Of(item);
            return new CorrectResult(key, [], results, same, same);
        }

        await db.SaveChangesAsync(ct);
        var after = await EffectiveItems.LoadAsync(db, new ItemFilter(DocumentIds: [doc.Id]), ct);

        // Corrections of the item's fields follow it when its shape changed (the first part of a split, the merged item).
        var following = before.Outcomes.Where(o => o.State == CorrectionState.Applied && o.ItemKey == key).Select(o => o.CorrectionId).ToHashSet();
        var now = after.Items.FirstOrDefault(e => e.Key == key);
        var tracked = await db.Corrections.AsTracking().Include(c => c.Units).ThenInclude(u => u.Unit).OrderBy(c => c.Id).ToListAsync(ct);
        if (structural.Count == 1 && now is not null)
        {
            foreach (var c in tracked.Where(c => following.Contains(c.Id) && c.Kind is not (CorrectionKind.NotAnItem or CorrectionKind.Split or CorrectionKind.MergeNext or CorrectionKind.AsItem)))
            {
                CorrectionStore.Reanchor(c, new ItemAnchor(doc.Key, c.SourceFile, now.Item.Id, now.Item.Number, now.Item.Text)
                    .Around(after.Items.Select(e => e.Item.Text).ToList(), now.Ordinal), null);
            }

            await db.SaveChangesAsync(ct);
            after = await EffectiveItems.LoadAsync(db, new ItemFilter(DocumentIds: [doc.Id]), ct);
            now = after.Items.FirstOrDefault(e => e.Key == key);
        }

        var stateBefore = item is null ? null : ReadItemState.Of(item);
        var stateAfter = now is null ? null : ReadItemState.Of(now);
        var (auditBefore, auditAfter) = CorrectionStore.Difference(stateBefore, stateAfter);
        store.Audit("correct", "items", key, auditBefore, auditAfter, input.Why is null ? "correct" : $"correct: {input.Why}");
        var mine = tracked.Where(c => EffectiveItems.Concerns(EffectiveItems.Record(c), doc)).ToList();
        store.RecordStates(mine, after, [doc], "correct");
        await db.SaveChangesAsync(ct);
        await CorrectedRows.RefreshAsync(db, [doc.Key], ct);
        await transaction.CommitAsync(ct);
        return new CorrectResult(key, [], results, stateBefore, stateAfter);
    }

    /// <summary>Removes an item's corrections (with those of the items a split of it made); the item shows as read again.</summary>
    public async Task<CorrectResult> RevertAsync(Actor actor, string typed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (CorrectionAccess.Deny(actor, TrackingAction.Correct) is { } denied)
        {
            return CorrectResult.Refused(typed, denied);
        }

        var store = new CorrectionStore(db, clock, actor.Name);
        var (located, missing) = await store.LocateAsync(typed, ct);
        if (located is null)
        {
            return CorrectResult.Refused(typed, missing!);
        }

        var doc = located.Document;
        if (CorrectionAccess.Outside(actor, doc.Jurisdiction) is { } outside)
        {
            return CorrectResult.Refused(typed, outside);
        }

        var before = await EffectiveItems.LoadAsync(db, new ItemFilter(DocumentIds: [doc.Id]), ct);
        var item = before.Items.FirstOrDefault(e => ItemKey.ItemMatches(located.ItemPart, e.Item.Id, e.Item.Number));
        var removed = before.Removed.FirstOrDefault(r => ItemKey.ItemMatches(located.ItemPart, r.Item.Id, r.Item.Number));
        var key = item?.Key ?? removed?.Key ?? new ItemKey(doc.Key, located.ItemPart).ToString();
        var id = item?.Item.Id ?? removed?.Item.Id ?? located.ItemPart;

        var ids = before.Outcomes.Where(o => o.State == CorrectionState.Applied && o.ItemKey == key).Select(o => o.CorrectionId)
            .Concat(before.Corrections.Where(c => EffectiveItems.Concerns(c, doc) && ItemKey.ItemMatches(located.ItemPart, c.Anchor.ItemId, c.Anchor.Number)
                && before.StateOf(c.Id)?.State != CorrectionState.Applied).Select(c => c.Id))
            .ToHashSet();
        foreach (var split in before.Corrections.Where(c => ids.Contains(c.Id) && c.Kind == CorrectionKind.Split).ToList())
        {
            var part = new ItemKey(doc.Key, split.NewItemId ?? CorrectionEngine.SecondId(id, string.Empty)).ToString();
            ids.UnionWith(before.Outcomes.Where(o => o.State == CorrectionState.Applied && o.ItemKey == part).Select(o => o.CorrectionId));
        }

        if (ids.Count == 0)
        {
            return CorrectResult.Refused(key, CorrectionCodes.NoItem(typed, $"{key} 没有校对记录"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tracked = await TrackedAsync(ids, ct);
        db.Corrections.RemoveRange(tracked);
        await db.SaveChangesAsync(ct);
        var after = await EffectiveItems.LoadAsync(db, new ItemFilter(DocumentIds: [doc.Id]), ct);
        var now = after.Items.FirstOrDefault(e => e.Key == key);
        var stateBefore = item is not null ? ReadItemState.Of(item) : removed is not null ? ReadItemState.Of(removed) : null;
        var stateAfter = now is null ? null : ReadItemState.Of(now);
        var (auditBefore, auditAfter) = CorrectionStore.Difference(item is null ? null : stateBefore, stateAfter);
        auditBefore["corrections"] = tracked.Select(c => new { id = c.Id, field = CorrectionRecord.FieldOf(c.Kind, c.Role), value = c.Value, by = c.By, why = c.Why }).ToList();
        store.Audit("revert", "items", key, auditBefore, auditAfter, "correct --revert");
        var rest = await db.Corrections.AsTracking().Include(c => c.Units).ThenInclude(u => u.Unit).ToListAsync(ct);
        store.RecordStates(rest.Where(c => EffectiveItems.Concerns(EffectiveItems.Record(c), doc)).ToList(), after, [doc], "correct --revert");
        await db.SaveChangesAsync(ct);
        await CorrectedRows.RefreshAsync(db, [doc.Key], ct);
        await transaction.CommitAsync(ct);
        return new CorrectResult(key, [], tracked.Select(c => new ChangeResult(CorrectionRecord.FieldOf(c.Kind, c.Role), ChangeOutcome.Replaced, c.Value)).ToList(), stateBefore, stateAfter);
    }

    /// <summary>
    /// After an import: resolves the units of corrections made before their document was in the ledger (or before the
    /// alias files changed), finds each correction's item in the current versions, moves its anchor there, and records
    /// (and audits) every change of state. Orphaned corrections are kept and listed, never dropped. Part of an
    /// import: no permission of its own; <paramref name="actor"/> is who the audit rows name.
    /// </summary>
    public async Task<ReapplyResult> ReapplyAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var store = new CorrectionStore(db, clock, actor.Name);
        var tracked = await db.Corrections.AsTracking().Include(c => c.Units).ThenInclude(u => u.Unit).OrderBy(c => c.Id).ToListAsync(ct);
        if (tracked.Count == 0)
        {
            await CorrectedRows.RefreshAsync(db, null, ct);
            return new ReapplyResult(0, 0, []);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var docs = await store.DocumentsAsync(ct);
        foreach (var c in tracked.Where(c => CorrectionRules.NamesUnits(c.Kind) && (c.UnitsFingerprint != units.Fingerprint || c.Units.Any(u => u.UnitId is null))))
        {
            var doc = docs.FirstOrDefault(d => EffectiveItems.Concerns(EffectiveItems.Record(c), d));
            if (doc is null)
            {
                continue;
            }

            var resolved = await store.ResolveAsync(units, doc.Jurisdiction, c.Units.OrderBy(u => u.Ordinal).Select(u => u.Mention).ToList(), ct);
            foreach (var (unit, fresh) in c.Units.OrderBy(u => u.Ordinal).Zip(resolved))
            {
                unit.Unit = fresh.Unit;
                unit.UnitId = fresh.Unit?.Id is > 0 ? fresh.Unit.Id : unit.UnitId;
            }

            c.UnitsFingerprint = units.Fingerprint;
        }

        await db.SaveChangesAsync(ct);
        var concerned = docs.Where(d => tracked.Any(c => EffectiveItems.Concerns(EffectiveItems.Record(c), d))).Select(d => d.Id).ToList();
        var ledger = await EffectiveItems.LoadAsync(db, new ItemFilter(DocumentIds: concerned), ct);
        var changes = store.RecordStates(tracked, ledger, docs, "import");
        await db.SaveChangesAsync(ct);
        await CorrectedRows.RefreshAsync(db, null, ct);
        await transaction.CommitAsync(ct);
        var applied = tracked.Count(c => c.State == "applied");
        return new ReapplyResult(applied, tracked.Count - applied, changes);
    }

    /// <summary>
    /// Every correction (of the documents whose key, number, title or file contains <paramref name="document"/>) with its
    /// state now; for a person with some jurisdictions only, those of their documents.
    /// </summary>
    public async Task<(IReadOnlyList<CorrectionRow> Rows, CorrectionProblem? Problem)> ListAsync(Actor actor, string? document = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (CorrectionAccess.Deny(actor, TrackingAction.Review) is { } denied)
        {
            return ([], denied);
        }

        var ledger = await EffectiveItems.LoadAsync(db, new ItemFilter(Document: document), ct);
        var rows = new List<CorrectionRow>();
        foreach (var c in ledger.Corrections)
        {
            if (ledger.StateOf(c.Id) is not { } outcome || !Sees(actor, ledger, c))
            {
                continue;
            }

            rows.Add(new CorrectionRow(c.Id, new ItemKey(c.Anchor.DocumentKey, c.Anchor.ItemId).ToString(), c.Field, c.Value, c.Before, c.Why, c.By, c.At,
                outcome.State, outcome.ItemKey, outcome.How, outcome.Problem));
        }

        return (rows, null);
    }

    /// <summary>Whether a person sees a correction: it concerns a document of their jurisdictions (one with no document: everybody who sees every jurisdiction).</summary>
    internal static bool Sees(Actor actor, EffectiveLedger ledger, CorrectionRecord c)
    {
        var documents = ledger.Documents.Where(d => EffectiveItems.Concerns(c, d)).ToList();
        return documents.Count == 0 ? actor.Jurisdictions.Count == 0 : documents.Any(d => actor.Sees(d.Jurisdiction));
    }

    private async Task<List<ItemCorrection>> TrackedAsync(IEnumerable<long> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Corrections.AsTracking().Include(c => c.Units).Where(c => list.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(ct);
    }

    /// <summary>The anchor of a structural correction: the item as read (structural corrections are found among the items as read).</summary>
    private async Task<ItemAnchor> ReadAnchorAsync(DocumentView doc, string? sourceFile, EffectiveItem item, CancellationToken ct)
    {
        var id = item.Item.LedgerItemId!.Value;
        var read = await db.Items.AsNoTracking().Where(i => i.DocumentId == doc.Id).OrderBy(i => i.Ordinal).Select(i => new { i.Id, i.Key, i.Number, i.Text }).ToListAsync(ct);
        var index = read.FindIndex(i => i.Id == id);
        return new ItemAnchor(doc.Key, sourceFile, read[index].Key, read[index].Number, read[index].Text).Around(read.Select(i => i.Text).ToList(), index);
    }

    private static int? NumberOf(string id)
    {
        var bare = DocumentKey.Normalize(id).Trim('〔', '〕');
        return int.TryParse(bare, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : Reading.Text.ChineseNumerals.Parse(bare) is { } c and > 0 ? c : null;
    }

    /// <summary>Checks one change against the item and builds its correction (units resolved), or says why not.</summary>
    private async Task<(ItemCorrection? Entity, CorrectionProblem? Problem)> BuildAsync(CorrectionStore store, DocumentView doc, EffectiveLedger ledger, EffectiveItem? item, ChangeRequest change, ItemAnchor anchor, string? why, CancellationToken ct)
    {
        var (entity, problem) = CorrectionFactory.Create(anchor, change, why, store.Actor, store.Now);
        if (problem is not null)
        {
            return (null, problem);
        }

        var e = entity!;
        var text = item?.Item.Text ?? string.Empty;
        if (item is null && change.Kind == CorrectionKind.RemoveUnit)
        {
            return (null, CorrectionCodes.UnitList("要去掉的单位", change.Value ?? string.Empty, "新补充的事项还没有单位"));
        }

        switch (item is null && change.Kind != CorrectionKind.AsItem ? (CorrectionKind?)null : change.Kind)
        {
            case CorrectionKind.SetRole:
                e.Before = string.Join("、", item!.Item.MentionsIn(change.Role ?? LedgerRole.Responsible));
                break;
            case CorrectionKind.AddUnit:
            case CorrectionKind.RemoveUnit:
            {
                var name = UnitList.Parse(change.Value).Names[0];
                var had = item!.Item.Roles.FirstOrDefault(r => r.Mention == name || r.Unit?.Name == name);
                if (change.Kind == CorrectionKind.RemoveUnit && had is null)
                {
                    var resolved = units.ResolveClause(doc.Jurisdiction, [name])[0];
                    had = item.Item.Roles.FirstOrDefault(r => r.Unit?.Key == resolved.Key);
                    if (had is null)
                    {
                        return (null, CorrectionCodes.UnitList("单位", name, $"{item.Key} 没有这个单位（现有：{string.Join("、", item.Item.Roles.Select(r => r.Mention))}）"));
                    }
                }

                e.Before = had is null ? null : $"{had.Mention}（{CorrectionRecord.RoleChinese(had.Role)}）";
                break;
            }

            case CorrectionKind.SetDeadline:
                e.Before = item!.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case CorrectionKind.SetTarget:
                e.Before = item!.Target?.Text;
                break;
            case CorrectionKind.NotAnItem:
                e.Before = text;
                break;
            case CorrectionKind.Split:
            {
                var point = CorrectionEngine.SplitPoint(text, change.Value);
                if (point is null)
                {
                    return (null, CorrectionCodes.Split(item!.Item.Id, change.Value ?? string.Empty, text.Contains(string.Concat((change.Value ?? string.Empty).Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal) ? "这段文字在开头，拆不出两部分" : "该项文字中没有这段文字"));
                }

                e.NewItemId = change.NewItemId ?? CorrectionEngine.SecondId(item!.Item.Id, text[point.Value..]);
                if (ledger.Items.Any(x => x.Document.Id == doc.Id && DocumentKey.Normalize(x.Item.Id) == DocumentKey.Normalize(e.NewItemId)))
                {
                    return (null, CorrectionCodes.IdInUse(e.NewItemId));
                }

                e.Before = text;
                break;
            }

            case CorrectionKind.MergeNext:
            {
                var next = ledger.Items.FirstOrDefault(x => x.Document.Id == doc.Id && x.Ordinal == item!.Ordinal + 1);
                if (next is null)
                {
                    return (null, CorrectionCodes.NoNext(item!.Item.Id));
                }

                e.NextItemId = next.Item.Id;
                e.NextItemText = next.Item.Text;
                e.Before = $"#{item!.Item.Id}、#{next.Item.Id}";
                break;
            }

            case CorrectionKind.AsItem:
            {
                var source = await db.SourceTexts.AsNoTracking().Where(t => t.SourceId == doc.SourceId && t.Version == doc.Version).Select(t => t.Text).FirstOrDefaultAsync(ct);
                if (source is null || CorrectionEngine.FindParagraph(source, doc.SpanStart, doc.SpanLength, anchor.Text) is null)
                {
                    return (null, CorrectionCodes.ParagraphMissing(doc.Key, anchor.Text));
                }

                break;
            }
        }

        if (CorrectionRules.NamesUnits(e.Kind))
        {
            e.Units = await store.ResolveAsync(units, doc.Jurisdiction, UnitList.Parse(e.Value).Names, ct);
            e.UnitsFingerprint = units.Fingerprint;
        }

        return (e, null);
    }
}
