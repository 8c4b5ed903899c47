using System.Globalization;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Reading.Quantities;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Ledger.Corrections;

public enum CorrectionState
{
    Applied,
    Orphaned,
}

/// <summary>What became of one correction in one document: applied to an item (its key now), or orphaned and why.</summary>
/// <param name="Found">The item as it stands now that the correction's anchor found (what the anchor is moved to, so it follows the document from version to version).</param>
/// <param name="FoundNext">Merge: the item after it as it stands now.</param>
public sealed record CorrectionOutcome(long CorrectionId, long? DocumentId, CorrectionState State, string? ItemKey, MatchHow? How, double Similarity, CorrectionProblem? Problem)
{
    public ItemAnchor? Found { get; init; }

    public ItemAnchor? FoundNext { get; init; }
}

/// <summary>A document's items in effect, the items corrections took out, and what became of each correction.</summary>
public sealed record DocumentCorrections(IReadOnlyList<EffectiveItem> Items, IReadOnlyList<RemovedItem> Removed, IReadOnlyList<CorrectionOutcome> Outcomes);

/// <summary>
/// Applies a document's corrections to its items as read: a pure function of the reading, the corrections and the
/// document's text. First the structural corrections (not an item, merge with the next, split), found among the
/// items as read; then paragraphs taken as items, found in the text; then the corrections of fields, found among the
/// items that result. A correction whose item cannot be found is orphaned with the reason, never applied elsewhere.
/// </summary>
public static class CorrectionEngine
{
    private sealed class Working(ReadItem item, int? origin, string kind)
    {
        public ReadItem Item { get; set; } = item;

        public int? Origin { get; } = origin;

        public string Kind { get; } = kind;

        public List<ItemChange> Changes { get; } = [];

        public DateOnly? Deadline { get; set; }

        public bool DeadlineSet { get; set; }

        public ItemQuantity? Target { get; set; }

        public ItemChange? RemovedBy { get; set; }
    }

    /// <param name="documentText">The text of the document's file version (for paragraphs taken as items); null where none is needed.</param>
    public static DocumentCorrections Apply(DocumentView document, IReadOnlyList<ReadItem> read, IReadOnlyList<CorrectionRecord> corrections, string? documentText = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(corrections);
        var outcomes = new List<CorrectionOutcome>();
        var working = read.Select((item, i) => new Working(item, i, "read")).ToList();

        CorrectionOutcome Orphan(CorrectionRecord c, CorrectionProblem problem, double similarity = 0) =>
            new(c.Id, document.Id, CorrectionState.Orphaned, null, null, similarity, problem);

        CorrectionOutcome Applied(CorrectionRecord c, Working w, AnchorBinding binding, ReadItem found, IReadOnlyList<string> texts, int index, ReadItem? next = null) =>
            new(c.Id, document.Id, CorrectionState.Applied, new ItemKey(document.Key, w.Item.Id).ToString(), binding.How, binding.Similarity, null)
            {
                Found = texts.Count == 0 ? c.Anchor : (c.Anchor with { ItemId = found.Id, Number = found.Number, Text = found.Text }).Around(texts, index),
                FoundNext = next is null || c.Next is null ? null : c.Next with { ItemId = next.Id, Number = next.Number, Text = next.Text },
            };

        // 1. Structural corrections, found among the items as read.
        var structural = corrections.Where(c => c.Structural).OrderBy(c => c.Id).ToList();
        var readTexts = read.Select(r => r.Text).ToList();
        var structuralBindings = BindAll(structural, read.Select(r => new MatchCandidate(r.Id, r.Text)).ToList());
        foreach (var c in structural)
        {
            var binding = structuralBindings[c.Id];
            if (!binding.Found)
            {
                outcomes.Add(Orphan(c, binding.Problem!, binding.Similarity));
                continue;
            }

            var at = working.FindIndex(w => w.Origin == binding.Index && w.RemovedBy is null);
            if (at < 0)
            {
                outcomes.Add(Orphan(c, CorrectionCodes.Merged(read[binding.Index!.Value].Id)));
                continue;
            }

            var nextAt = working.FindIndex(at + 1, x => x.RemovedBy is null);
            var next = c.Kind == CorrectionKind.MergeNext && nextAt >= 0 ? working[nextAt].Item : null;
            var problem = c.Kind switch
            {
                CorrectionKind.NotAnItem => Remove(working[at], c),
                CorrectionKind.MergeNext => Merge(working, at, c),
                _ => Split(working, at, c),
            };
            outcomes.Add(problem is null ? Applied(c, working[at], binding, read[binding.Index!.Value], readTexts, binding.Index!.Value, next) : Orphan(c, problem, binding.Similarity));
        }

        // 2. Paragraphs taken as items, found in the document's text.
        foreach (var c in corrections.Where(c => c.Kind == CorrectionKind.AsItem).OrderBy(c => c.Id))
        {
            var problem = AsItem(working, document, documentText, c, out var made);
            outcomes.Add(problem is null ? Applied(c, made!, new AnchorBinding(0, MatchHow.Same, 1, null), made!.Item with { Text = c.Anchor.Text }, [], 0) : Orphan(c, problem));
        }

        // 3. Corrections of fields, found among the items that result (items taken out answer, to say so).
        var fields = corrections.Where(c => !c.Structural && c.Kind != CorrectionKind.AsItem).OrderBy(c => c.Id).ToList();
        var live = working.Where(w => w.RemovedBy is null).ToList();
        var liveTexts = live.Select(w => w.Item.Text).ToList();
        var fieldBindings = BindAll(fields, working.Select(w => new MatchCandidate(w.Item.Id, w.Item.Text, w.RemovedBy is not null)).ToList());
        foreach (var c in fields)
        {
            var binding = fieldBindings[c.Id];
            if (!binding.Found)
            {
                outcomes.Add(Orphan(c, binding.Problem!, binding.Similarity));
                continue;
            }

            var w = working[binding.Index!.Value];
            if (w.RemovedBy is { } removed)
            {
                outcomes.Add(Orphan(c, CorrectionCodes.Removed(w.Item.Id, removed.CorrectionId), binding.Similarity));
                continue;
            }

            var found = w.Item;
            SetField(w, c);
            outcomes.Add(Applied(c, w, binding, found, liveTexts, live.IndexOf(w)));
        }

        var items = working.Where(w => w.RemovedBy is null).Select((w, i) => new EffectiveItem(
            document,
            w.Item,
            i,
            w.DeadlineSet ? w.Deadline : EffectiveItem.DeadlineOf(w.Item.Times),
            w.DeadlineSet,
            w.Target ?? EffectiveItem.MainTargetOf(w.Item.Quantities),
            w.Target is not null,
            w.Changes.ToList(),
            w.Kind)).ToList();
        var gone = working.Where(w => w.RemovedBy is not null && w.Origin is not null).Select(w => new RemovedItem(document, w.Item, w.RemovedBy!)).ToList();
        return new DocumentCorrections(items, gone, outcomes);
    }

    /// <summary>Binds the distinct anchors of the corrections; corrections of one item as it stood share one binding.</summary>
    private static Dictionary<long, AnchorBinding> BindAll(IReadOnlyList<CorrectionRecord> corrections, IReadOnlyList<MatchCandidate> candidates)
    {
        var anchors = new List<ItemAnchor>();
        var which = new Dictionary<long, int>();
        foreach (var c in corrections)
        {
            var index = anchors.FindIndex(a => a.SameItemAs(c.Anchor));
            if (index < 0)
            {
                anchors.Add(c.Anchor);
                index = anchors.Count - 1;
            }

            which[c.Id] = index;
        }

        var bindings = AnchorMatcher.Bind(anchors, candidates);
        return which.ToDictionary(p => p.Key, p => bindings[p.Value]);
    }

    private static ItemChange Change(CorrectionRecord c, string? before, string? after) => new(c.Id, c.Field, before, after, c.By, c.At, c.Why);

    private static CorrectionProblem? Remove(Working w, CorrectionRecord c)
    {
        w.RemovedBy = Change(c, w.Item.Text, null);
        return null;
    }

    private static CorrectionProblem? Merge(List<Working> working, int at, CorrectionRecord c)
    {
        var w = working[at];
        var nextAt = working.FindIndex(at + 1, x => x.RemovedBy is null);
        var next = nextAt < 0 ? null : working[nextAt];
        var expected = c.Next ?? new ItemAnchor(c.Anchor.DocumentKey, c.Anchor.SourceFile, "?", null, string.Empty);
        if (next is null)
        {
            return CorrectionCodes.NextNotSame(w.Item.Id, expected.ItemId, expected.Text, null, null, 0);
        }

        var check = AnchorMatcher.Bind([expected], [new MatchCandidate(next.Item.Id, next.Item.Text)])[0];
        if (!check.Found)
        {
            return CorrectionCodes.NextNotSame(w.Item.Id, expected.ItemId, expected.Text, next.Item.Id, next.Item.Text, TextSimilarity.Dice(expected.Text, next.Item.Text));
        }

        var a = w.Item;
        var b = next.Item;
        var roles = a.Roles.ToList();
        roles.AddRange(b.Roles.Where(r => !roles.Any(x => x.Role == r.Role && x.SameUnit(r))));
        w.Item = a with
        {
            Text = a.Text + b.Text,
            SpanLength = Math.Max(a.SpanStart + a.SpanLength, b.SpanStart + b.SpanLength) - a.SpanStart,
            ClauseStart = b.ClauseStart ?? a.ClauseStart,
            ClauseLength = b.ClauseStart is null ? a.ClauseLength : b.ClauseLength,
            Roles = roles,
            Quantities = [.. a.Quantities, .. b.Quantities],
            Times = [.. a.Times, .. b.Times],
            Doubts = [.. a.Doubts, .. b.Doubts],
        };
        w.Changes.Add(Change(c, $"#{a.Id}、#{b.Id} 两项", $"合为 #{a.Id}"));
        next.RemovedBy = Change(c, b.Text, $"并入 #{a.Id}");
        return null;
    }

    private static CorrectionProblem? Split(List<Working> working, int at, CorrectionRecord c)
    {
        var w = working[at];
        var text = w.Item.Text;
        var point = SplitPoint(text, c.Value);
        if (point is null)
        {
            return CorrectionCodes.SplitGone(w.Item.Id, c.Value ?? string.Empty);
        }

        var newId = c.NewItemId ?? SecondId(w.Item.Id, text[point.Value..]);
        if (working.Any(x => x.RemovedBy is null && DocumentKey.Normalize(x.Item.Id) == DocumentKey.Normalize(newId)))
        {
            return CorrectionCodes.IdInUse(newId);
        }

        var (first, second) = SplitItem(w.Item, point.Value, newId);
        w.Item = first;
        w.Changes.Add(Change(c, text, $"拆为 #{first.Id}、#{second.Id}"));
        var part = new Working(second, null, "split");
        part.Changes.Add(Change(c, text, $"自 #{first.Id} 拆出"));
        working.Insert(at + 1, part);
        return null;
    }

    /// <summary>Where in the item's text the second part begins: the value found once (whitespace aside), not at either end.</summary>
    public static int? SplitPoint(string text, string? at)
    {
        var needle = string.Concat((at ?? string.Empty).Where(ch => !char.IsWhiteSpace(ch)));
        if (needle.Length == 0)
        {
            return null;
        }

        var index = text.IndexOf(needle, StringComparison.Ordinal);
        return index <= 0 ? null : index;
    }

    /// <summary>The id of a split's second part: the number it opens with ("13．…" → 13), else the first part's id and 之二.</summary>
    public static string SecondId(string firstId, string second)
    {
        var digits = 0;
        while (digits < second.Length && char.IsAsciiDigit(second[digits]))
        {
            digits++;
        }

        if (digits is > 0 and < 4 && digits < second.Length && second[digits] is '.' or '．' or '、')
        {
            return second[..digits];
        }

        return firstId + "之二";
    }

    private static (ReadItem First, ReadItem Second) SplitItem(ReadItem item, int point, string secondId)
    {
        var firstText = item.Text[..point];
        var secondText = item.Text[point..];

        // Each unit and figure goes with the part whose text names it; a unit named in neither (implied) goes with both.
        static (bool First, bool Second) Where(string what, string first, string second)
        {
            var inFirst = first.Contains(what, StringComparison.Ordinal);
            var inSecond = second.Contains(what, StringComparison.Ordinal);
            return inFirst == inSecond ? (true, true) : (inFirst, inSecond);
        }

        var roles = item.Roles.Select(r => (r, Where(r.Mention, firstText, secondText))).ToList();
        var quantities = item.Quantities.Select(q => (q, Where(q.Text, firstText, secondText))).ToList();
        var times = item.Times.Select(t => (t, Where(t.Text, firstText, secondText))).ToList();
        var secondNumber = int.TryParse(secondId, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;

        // A second part that opens with its own number mark ("13．…") is kept without it, as the reader keeps items.
        var marker = secondText.StartsWith(secondId, StringComparison.Ordinal) && secondText.Length > secondId.Length
            && secondText[secondId.Length] is '.' or '．' or '、' ? secondId.Length + 1 : 0;
        var first = item with
        {
            Text = firstText,
            Roles = roles.Where(x => x.Item2.First).Select(x => x.r).ToList(),
            Quantities = quantities.Where(x => x.Item2.First && !x.Item2.Second).Select(x => x.q).ToList(),
            Times = times.Where(x => x.Item2.First && !x.Item2.Second).Select(x => x.t).ToList(),
            ClauseStart = roles.Any(x => x.Item2.First && !x.Item2.Second) ? item.ClauseStart : null,
            ClauseLength = roles.Any(x => x.Item2.First && !x.Item2.Second) ? item.ClauseLength : null,
        };
        var second = item with
        {
            LedgerItemId = null,
            SourceItemId = item.StoredItemId,
            Id = secondId,
            Number = secondNumber,
            Text = secondText[Math.Min(marker, secondText.Length)..],
            Roles = roles.Where(x => x.Item2.Second).Select(x => x.r).ToList(),
            Quantities = quantities.Where(x => x.Item2.Second).Select(x => x.q).ToList(),
            Times = times.Where(x => x.Item2.Second).Select(x => x.t).ToList(),
            Doubts = [],
        };
        return (first, second);
    }

    private static CorrectionProblem? AsItem(List<Working> working, DocumentView document, string? documentText, CorrectionRecord c, out Working? made)
    {
        made = null;
        var found = documentText is null ? null : FindParagraph(documentText, document.SpanStart, document.SpanLength, c.Anchor.Text);
        if (found is not { } span)
        {
            return CorrectionCodes.NoParagraph(c.Anchor.Text);
        }

        if (working.Any(x => x.RemovedBy is null && DocumentKey.Normalize(x.Item.Id) == DocumentKey.Normalize(c.Anchor.ItemId)))
        {
            return CorrectionCodes.IdInUse(c.Anchor.ItemId);
        }

        var text = string.Concat(c.Anchor.Text.Where(ch => !char.IsWhiteSpace(ch)));
        var at = working.FindIndex(x => x.Item.LedgerItemId is not null && x.Item.SpanStart > span.Start);
        var headings = (at > 0 ? working[at - 1] : at < 0 && working.Count > 0 ? working[^1] : null)?.Item.Headings ?? [];
        var times = TimeReader.Read(text, new TimeContext(document.Date?.Year, null));
        var item = new ReadItem(null, c.Anchor.ItemId, c.Anchor.Number, headings, text, span.Start, span.Length, null, null, [],
            QuantityReader.Read(text).Select(ItemQuantity.From).ToList(), times.Select(ItemTime.From).ToList());
        made = new Working(item, null, "as-item");
        made.Changes.Add(Change(c, null, text));
        working.Insert(at < 0 ? working.Count : at, made);
        return null;
    }

    /// <summary>
    /// Where a paragraph stands in the document's part of its file's text, whitespace aside (the text breaks lines
    /// and pages inside sentences): its first and last characters, or null where it is not there.
    /// </summary>
    public static TextSpan? FindParagraph(string text, int start, int length, string paragraph)
    {
        var needle = string.Concat(paragraph.Where(ch => !char.IsWhiteSpace(ch)));
        if (needle.Length == 0)
        {
            return null;
        }

        var from = Math.Clamp(start, 0, text.Length);
        var to = length <= 0 ? text.Length : Math.Min(text.Length, from + length);
        var folded = new System.Text.StringBuilder(to - from);
        var map = new List<int>(to - from);
        for (var i = from; i < to; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                folded.Append(text[i]);
                map.Add(i);
            }
        }

        var at = folded.ToString().IndexOf(needle, StringComparison.Ordinal);
        return at < 0 ? null : new TextSpan(map[at], map[at + needle.Length - 1] - map[at] + 1);
    }

    private static void SetField(Working w, CorrectionRecord c)
    {
        var item = w.Item;
        switch (c.Kind)
        {
            case CorrectionKind.SetRole:
            {
                var role = c.Role ?? LedgerRole.Responsible;
                var before = string.Join("、", item.MentionsIn(role));
                var replaced = new List<ItemRole>();
                foreach (var r in new[] { LedgerRole.Lead, LedgerRole.Responsible, LedgerRole.Cooperating })
                {
                    replaced.AddRange(r == role ? c.Units.Select(u => u with { Role = role, Corrected = true }) : item.Roles.Where(x => x.Role == r));
                }

                w.Item = item with { Roles = replaced };
                w.Changes.Add(Change(c, before, string.Join("、", c.Units.Select(u => u.Mention))));
                break;
            }

            case CorrectionKind.AddUnit when c.Units.Count > 0:
            {
                var role = c.Role ?? LedgerRole.Responsible;
                var unit = c.Units[0] with { Role = role, Corrected = true };
                var had = item.Roles.FirstOrDefault(r => r.SameUnit(unit));
                var roles = item.Roles.Where(r => !r.SameUnit(unit)).ToList();
                var after = roles.FindLastIndex(r => r.Role <= role);
                roles.Insert(after + 1, unit);
                w.Item = item with { Roles = roles };
                w.Changes.Add(Change(c, had is null ? null : $"{had.Mention}（{RoleWord(had.Role)}）", $"{unit.Mention}（{RoleWord(role)}）"));
                break;
            }

            case CorrectionKind.RemoveUnit when c.Units.Count > 0:
            {
                var unit = c.Units[0];
                var had = item.Roles.Where(r => r.SameUnit(unit)).ToList();
                w.Item = item with { Roles = item.Roles.Where(r => !r.SameUnit(unit)).ToList() };
                w.Changes.Add(Change(c, had.Count == 0 ? null : string.Join("、", had.Select(r => $"{r.Mention}（{RoleWord(r.Role)}）")), null));
                break;
            }

            case CorrectionKind.SetDeadline:
            {
                var before = w.DeadlineSet ? w.Deadline : EffectiveItem.DeadlineOf(item.Times);
                CorrectionRecord.TryDeadline(c.Value, out var deadline);
                w.Deadline = deadline;
                w.DeadlineSet = true;
                w.Changes.Add(Change(c, Day(before), Day(deadline) ?? "无时限"));
                break;
            }

            case CorrectionKind.SetTarget:
            {
                var before = w.Target ?? EffectiveItem.MainTargetOf(item.Quantities);
                w.Target = CorrectionRecord.TargetOf(c.Value);
                w.Changes.Add(Change(c, before?.Text, w.Target?.Text));
                break;
            }
        }
    }

    private static string RoleWord(LedgerRole role) => CorrectionRecord.RoleChinese(role);

    private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
