using PolicyLedger.Reading.Quantities;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>What the item reader made of a document body.</summary>
internal sealed record BodyReading(IReadOnlyList<Heading> Headings, IReadOnlyList<PolicyItem> Items, IReadOnlyList<Block> Unclassified);

/// <summary>
/// Decides which paragraphs are items and which are headings, then builds both. The item level is the kind of mark
/// whose paragraphs carry the most responsibility clauses (1. in most measures, （一） where a plan numbers its
/// measures that way, 主要任务 in 工作方案, —— or ● bullets); marks above it are headings, marks below it are sub-points
/// inside an item. Paragraphs of a closing section (组织保障, 保障措施 …) are items only when they carry a clause; so are
/// paragraphs without a mark, and the text of a heading after its title: split at 一是/二是 where they enumerate.
/// </summary>
internal static class ItemReader
{
    private static readonly string[] ClosingSections = ["组织保障", "保障措施", "工作要求", "组织实施", "组织领导", "工作保障", "保障机制", "有关要求", "附则", "其他事项", "工作措施"];

    /// <summary>The share of items with a clause above which an item without one is flagged.</summary>
    private const double ClauseMajority = 0.6;

    public static BodyReading Read(List<Block> blocks, ClauseRules rules, TimeContext years, ReadingContext context)
    {
        var itemKind = ChooseItemKind(blocks);
        var builder = new Builder(rules, years);
        var headings = new List<Heading>();
        var items = new List<PolicyItem>();
        var unclassified = new List<Block>();
        var stack = new List<(Marker Marker, string Label)>();
        Block? item = null;

        void Flush()
        {
            if (item is not null)
            {
                items.Add(builder.Marked(item, stack));
                item = null;
            }
        }

        foreach (var block in blocks)
        {
            var marker = block.Marker;
            if (marker is null)
            {
                Flush();
                if (!builder.Paragraph(block.Text, Innermost(stack), stack, items))
                {
                    unclassified.Add(block);
                }

                continue;
            }

            if (itemKind is { } kind && marker.Kind == kind)
            {
                Flush();
                var underClosing = stack.Count > 0 && IsClosingSection(stack[0].Label);
                if (underClosing && !block.HasClause)
                {
                    AddHeading(block, stack, headings);
                    continue;
                }

                if (kind == MarkerKind.Enumerated && Enumeration.Parts(block.Text.Text, marker.Number).Count > 1)
                {
                    // "一是…（X负责）；二是…（Y负责）" on one line: one item per part.
                    builder.Paragraph(block.Text, Innermost(stack), stack, items, marker.Number);
                    continue;
                }

                item = block;
                continue;
            }

            if (item is not null && itemKind is { } k && marker.Level > Marker.LevelOf(k))
            {
                item.Absorb(block);
                continue;
            }

            Flush();
            var carriesClause = block.HasClause;
            if (carriesClause && Enumerated(block) is null)
            {
                // A marked paragraph of another kind that carries its own clause (a task table's rows under a
                // section of a plan whose other items are （一）): an item, and a heading for what follows it.
                items.Add(builder.Marked(block, stack));
            }

            AddHeading(block, stack, headings);
            if (carriesClause && Enumerated(block) is { } body)
            {
                builder.Paragraph(body, marker.Normal, stack, items);
            }
        }

        Flush();
        return new BodyReading(headings, FlagOddMentions(FlagMissingClauses(items)), unclassified);
    }

    private static string Innermost(List<(Marker Marker, string Label)> stack) => stack.Count > 0 ? stack[^1].Marker.Normal : string.Empty;

    private static void AddHeading(Block block, List<(Marker Marker, string Label)> stack, List<Heading> headings)
    {
        var marker = block.Marker!;
        stack.RemoveAll(h => h.Marker.Level >= marker.Level);
        var label = HeadingLabel(block);
        stack.Add((marker, label));
        headings.Add(new Heading(marker.Level, label, block.Text.ToSource(0, block.Text.Length)));
    }

    /// <summary>The heading as written on one line, its mark in normal form, up to its first full stop.</summary>
    private static string HeadingLabel(Block block)
    {
        var marker = block.Marker!;
        var text = block.Text.Text[marker.Length..];
        var stop = text.IndexOf('。');
        if (stop >= 0)
        {
            text = text[..stop];
        }

        return marker.Normal + text.Trim();
    }

    /// <summary>The text of a heading paragraph after its title ("（一）加强基础设施。一是…（X负责）；二是…") when it enumerates tasks.</summary>
    private static MappedText? Enumerated(Block block)
    {
        var text = block.Text;
        var stop = text.Text.IndexOf('。', block.Marker!.Length);
        if (stop < 0 || stop + 1 >= text.Length)
        {
            return null;
        }

        var body = text.Slice(stop + 1);
        return Enumeration.Parts(body.Text).Count >= 2 && ClauseReader.HasClause(body.Text) ? body : null;
    }

    /// <summary>Flags items without a clause in a document whose items mostly carry one (a clause lost or misread).</summary>
    private static List<PolicyItem> FlagMissingClauses(List<PolicyItem> items)
    {
        var withClause = items.Count(i => i.ClauseSpan is not null);
        if (withClause < 3 || withClause < ClauseMajority * items.Count)
        {
            return items;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.ClauseSpan is null && item.Roles.All(r => r.Implied))
            {
                items[i] = item with { Diagnostics = [.. item.Diagnostics, DiagnosticCodes.MissingClause(item.Span)] };
            }
        }

        return items;
    }

    /// <summary>
    /// Flags a name written once that differs in one inner character from a name the document writes several times
    /// (区财攻局 beside 区财政局 ×5): most likely a typo, which no rule about names can see.
    /// </summary>
    private static List<PolicyItem> FlagOddMentions(List<PolicyItem> items)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var role in items.SelectMany(i => i.Roles).Where(r => !r.Implied))
        {
            counts[role.Mention] = counts.GetValueOrDefault(role.Mention) + 1;
        }

        var frequent = counts.Where(c => c.Value >= 2).Select(c => c.Key).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            List<Diagnostic>? added = null;
            foreach (var role in item.Roles.Where(r => !r.Implied && r.Mention.Length >= 4 && counts[r.Mention] == 1))
            {
                if (frequent.FirstOrDefault(f => OneInnerCharacterApart(f, role.Mention)) is { } like && !KnownName(role.Mention))
                {
                    (added ??= []).Add(DiagnosticCodes.DoubtfulOrganisation(role.Mention, $"与本文件多次出现的“{like}”只差一字", role.Span));
                }
            }

            if (added is not null)
            {
                items[i] = item with { Diagnostics = [.. item.Diagnostics, .. added] };
            }
        }

        return items;
    }

    /// <summary>A department name the unit knowledge knows, with or without its place prefix (区民政局 beside 区财政局 is no typo).</summary>
    private static bool KnownName(string mention) =>
        Units.UnitNames.IsKnownWhole(mention) || (mention.Length > 2 && Units.UnitNames.IsKnownWhole(mention[1..]));

    private static bool OneInnerCharacterApart(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var differing = -1;
        for (var k = 0; k < a.Length; k++)
        {
            if (a[k] != b[k])
            {
                if (differing >= 0)
                {
                    return false;
                }

                differing = k;
            }
        }

        return differing > 0 && differing < a.Length - 1;
    }

    private static bool IsClosingSection(string label) => ClosingSections.Any(s => label.Contains(s, StringComparison.Ordinal));

    /// <summary>
    /// The mark kind whose paragraphs (with the deeper paragraphs under each taken in) carry the most clauses;
    /// on a tie the deeper kind. Without any clause: 主要任务, else the deepest numbered kind that has paragraphs.
    /// </summary>
    private static MarkerKind? ChooseItemKind(List<Block> blocks)
    {
        var candidates = blocks.Where(b => b.Marker is not null).Select(b => b.Marker!.Kind).Distinct().ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        MarkerKind? best = null;
        var bestCount = 0;
        foreach (var kind in candidates)
        {
            if (kind is MarkerKind.Chapter)
            {
                continue;
            }

            var count = CountClauses(blocks, kind);
            if (count > bestCount || (count == bestCount && count > 0 && best is { } b && Marker.LevelOf(kind) > Marker.LevelOf(b)))
            {
                best = kind;
                bestCount = count;
            }
        }

        if (best is not null)
        {
            return best;
        }

        foreach (var kind in new[] { MarkerKind.Task, MarkerKind.Article, MarkerKind.Numbered, MarkerKind.ParenNumbered, MarkerKind.Bullet, MarkerKind.Enumerated })
        {
            if (candidates.Contains(kind))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>
    /// How many paragraphs of a kind carry a clause: in their own text, or at the end of the deeper paragraphs under
    /// them (1.…：（1）…；（2）…。（责任单位：…）) — unless every deeper paragraph closes with its own clause and the
    /// paragraph itself is a title (（一）发展现代农业 over 一是…（X负责） 二是…（Y负责）): then the clauses are theirs.
    /// </summary>
    private static int CountClauses(List<Block> blocks, MarkerKind kind)
    {
        var level = Marker.LevelOf(kind);
        var count = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Marker?.Kind != kind)
            {
                continue;
            }

            if (blocks[i].HasClause)
            {
                count++;
                continue;
            }

            // The deeper paragraphs under it, up to the next mark at its level or above.
            var j = i + 1;
            var allOwn = true;
            for (; j < blocks.Count && blocks[j].Marker is { } m && m.Level > level; j++)
            {
                allOwn = allOwn && blocks[j].HasClause;
            }

            if (j > i + 1 && blocks[j - 1].HasClause && (!allOwn || OpensList(blocks[i].Text.Text)))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The paragraph ends with a colon: what follows is its list.</summary>
    private static bool OpensList(string text) => text.TrimEnd().EndsWith('：') || text.TrimEnd().EndsWith(':');

    /// <summary>Builds items: their ids (unique in the document), clauses with the part each governs, figures and diagnostics.</summary>
    private sealed class Builder(ClauseRules rules, TimeContext years)
    {
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _paragraphs = new(StringComparer.Ordinal);
        private int _bullets;

        /// <summary>The number of the item last found joined inside the item before (its gap is no gap).</summary>
        private int _joined = -1;

        /// <summary>An item opened by a mark of the item kind.</summary>
        public PolicyItem Marked(Block block, List<(Marker Marker, string Label)> stack)
        {
            var marker = block.Marker!;
            var full = block.Text;
            var body = full.Slice(marker.Length);
            var leading = 0;
            while (leading < body.Length && (Cjk.IsSpace(body.Text[leading]) || body.Text[leading] is '：' or ':'))
            {
                leading++;
            }

            body = body.Slice(leading);
            var headings = stack.Where(h => h.Marker.Level < marker.Level).Select(h => h.Label).ToList();
            var id = marker.Kind == MarkerKind.Bullet ? $"{marker.Normal}{++_bullets}" : ItemId(marker, stack);
            var number = marker.Kind == MarkerKind.Bullet || (marker.Kind == MarkerKind.Task && marker.Written.Length <= 5) ? (int?)null : marker.Number;
            var diagnostics = new List<Diagnostic>();
            if (block.NumberingNote is { } note && !(note.Code == DiagnosticCodes.ItemNumberGap && _joined == marker.Number - 1))
            {
                diagnostics.Add(note);
            }

            _joined = -1;
            if (JoinedMark(body.Text, marker) is { } joined)
            {
                diagnostics.Add(DiagnosticCodes.Joined(joined.Written, body.ToSource(joined.At, joined.Written.Length)));
                _joined = marker.Number + 1;
            }

            return Build(Unique(id, stack), number, marker.Written, headings, full, body, diagnostics);
        }

        /// <summary>
        /// Items from a paragraph without an item mark (or a heading's text after its title) when it carries a clause:
        /// one per 一是/二是 part where they enumerate, else the paragraph as one item.
        /// </summary>
        public bool Paragraph(MappedText text, string prefix, List<(Marker Marker, string Label)> stack, List<PolicyItem> items, int first = 1)
        {
            var scan = ClauseReader.Scan(text.Text, nearMisses: false);
            if (scan.Clauses.Count == 0)
            {
                return false;
            }

            var headings = stack.Select(h => h.Label).ToList();
            var parts = Enumeration.Parts(text.Text, first);
            if (parts.Count >= 2 || (parts.Count == 1 && parts[0].Start == 0))
            {
                foreach (var part in parts)
                {
                    var full = text.Slice(part.Start, part.End - part.Start);
                    var body = full.Slice(part.MarkLength);
                    items.Add(Build(Unique(prefix + part.Mark, stack), part.Number, part.Mark, headings, full, body, []));
                }

                return true;
            }

            var k = _paragraphs[prefix] = _paragraphs.GetValueOrDefault(prefix) + 1;
            items.Add(Build(Unique($"{prefix}第{k}段", stack), null, string.Empty, headings, text, text, []));
            return true;
        }

        private PolicyItem Build(string id, int? number, string marker, IReadOnlyList<string> headings, MappedText full, MappedText body, List<Diagnostic> diagnostics)
        {
            var scan = ClauseReader.Scan(body.Text);
            var roles = new List<RoleMention>();
            Located<string>? previous = null;
            var taskEnd = 0;
            var task = new System.Text.StringBuilder();
            foreach (var clause in scan.Clauses)
            {
                var governs = Governed(body, taskEnd, clause.Start) ?? previous;
                task.Append(body.Text, taskEnd, clause.Start - taskEnd);
                var read = ClauseReader.Read(body, clause, rules.Lead, diagnostics);
                governs ??= Governed(body, clause.End, body.Length) ?? new Located<string>(body.Text, body.ToSource(0, body.Length));
                roles.AddRange(read.Select(r => r with { Governs = governs }));
                previous = governs;
                taskEnd = clause.End;
            }

            var rest = body.Text.AsSpan(taskEnd);
            if (scan.Clauses.Count == 0 || rest.Trim().TrimStart("。；;，,.").Length > 0)
            {
                task.Append(rest);
            }

            var explicitRoles = roles.Count;
            foreach (var near in scan.NearMisses)
            {
                var text = body.Text[near.Start..near.End];
                if (!near.InSentence)
                {
                    diagnostics.Add(DiagnosticCodes.UnknownClause(text, body.ToSource(near.Start, near.End - near.Start)));
                }
                else if (explicitRoles == 0)
                {
                    diagnostics.Add(DiagnosticCodes.InSentence(text, body.ToSource(near.Start, near.End - near.Start)));
                }
            }

            var taskText = scan.Clauses.Count == 0 ? body.Text : task.ToString().Trim();
            var span = full.ToSource(0, full.Length);
            AddImplied(roles, span.Start, new Located<string>(taskText, body.ToSource(0, body.Length)));
            var figures = FigureStage.Read(body, years);
            var times = TimeField.WithOngoing(body, figures.Times);
            return new PolicyItem(
                id,
                number,
                marker,
                headings,
                body.Text,
                span,
                roles,
                scan.Clauses.Count > 0 ? body.ToSource(scan.Clauses[0].Start, scan.Clauses[^1].End - scan.Clauses[0].Start) : null,
                figures.Quantities,
                times)
            {
                Task = taskText,
                Diagnostics = diagnostics,
            };
        }

        /// <summary>Adds the roles declarations before the item imply, unless its own clause names the same unit.</summary>
        private void AddImplied(List<RoleMention> roles, int itemStart, Located<string> governs)
        {
            if (rules.Declarations.Count == 0)
            {
                return;
            }

            foreach (var implied in rules.ImpliedBefore(itemStart))
            {
                if (!roles.Any(r => r.Mention == implied.Mention))
                {
                    roles.Add(implied with { Governs = governs });
                }
            }
        }

        /// <summary>The task text [start, end) between clauses, without the punctuation around it; null when empty.</summary>
        private static Located<string>? Governed(MappedText body, int start, int end)
        {
            var s = body.Text;
            while (start < end && (Cjk.IsSpace(s[start]) || s[start] is '。' or '；' or ';' or '，' or ',' or '、' or '.'))
            {
                start++;
            }

            while (end > start && (Cjk.IsSpace(s[end - 1]) || s[end - 1] is '；' or ';' or '，' or ',' or '、'))
            {
                end--;
            }

            return end > start ? new Located<string>(s[start..end], body.ToSource(start, end - start)) : null;
        }

        private string Unique(string id, List<(Marker Marker, string Label)> stack)
        {
            if (_ids.Add(id))
            {
                return id;
            }

            // Numbering that starts again under a new heading: the heading's mark makes the id unique ("二、1").
            var qualified = stack.Count > 0 ? stack[^1].Marker.Normal + id : id;
            if (_ids.Add(qualified))
            {
                return qualified;
            }

            var unique = id;
            for (var n = 2; !_ids.Add(unique); n++)
            {
                unique = $"{id}#{n}";
            }

            return unique;
        }

        private static string ItemId(Marker marker, List<(Marker Marker, string Label)> stack) => marker.Kind switch
        {
            MarkerKind.Numbered => marker.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MarkerKind.Subsection or MarkerKind.ParenNumbered => $"（{marker.Number}）",
            MarkerKind.Article => $"第{marker.Number}条",
            MarkerKind.Task => (stack.FirstOrDefault(h => h.Marker.Kind == MarkerKind.Section).Marker?.Normal ?? string.Empty) + marker.Normal,
            MarkerKind.Enumerated => (stack.Count > 0 ? stack[^1].Marker.Normal : string.Empty) + marker.Written,
            _ => marker.Normal,
        };

        /// <summary>A mark of the item's own kind, numbered next, after a full stop inside the item: two items joined.</summary>
        private static (int At, string Written)? JoinedMark(string text, Marker own)
        {
            if (own.Kind == MarkerKind.Bullet)
            {
                return null;
            }

            for (var i = 1; i < text.Length - 2; i++)
            {
                if (text[i - 1] is not ('。' or '；' or ';' or '）' or ')'))
                {
                    continue;
                }

                if (Marker.Read(text[i..Math.Min(text.Length, i + 12)]) is { } m && m.Kind == own.Kind && m.Number == own.Number + 1)
                {
                    return (i, m.Written);
                }
            }

            return null;
        }
    }
}
