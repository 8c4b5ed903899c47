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

    public static BodyReading Read(List<Block> blocks, ClauseRules rules, TimeContext years, ReadingContext context)
    {
        var itemKind = ChooseItemKind(blocks);
        var builder = new ItemBuilder(rules, years);
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
        return new BodyReading(headings, ItemChecks.OddNames(ItemChecks.MissingClauses(items)), unclassified);
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
        return Enumeration.Parts(body.Text).Count >= 2 && ClauseFinder.HasClause(body.Text) ? body : null;
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
}
