using PolicyLedger.Reading.Quantities;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>What the item reader made of a document body.</summary>
internal sealed record BodyReading(IReadOnlyList<Heading> Headings, IReadOnlyList<PolicyItem> Items, IReadOnlyList<Block> Unclassified);

/// <summary>
/// Decides which numbered paragraphs are items and which are headings, then builds both. The item level is the
/// kind of number mark whose paragraphs carry the most responsibility clauses (1. in most measures, （一） where a
/// plan numbers its measures that way, 主要任务 in 工作方案); marks above it are headings, marks below it are
/// sub-points inside an item. Paragraphs of a closing section (组织保障, 保障措施 …) are items only when they carry a
/// clause.
/// </summary>
internal static class ItemReader
{
    private static readonly string[] ClosingSections = ["组织保障", "保障措施", "工作要求", "组织实施", "组织领导", "工作保障", "保障机制", "有关要求", "附则", "其他事项", "工作措施"];

    public static BodyReading Read(List<Block> blocks, bool firstIsLead, TimeContext years, ReadingContext context)
    {
        var itemKind = ChooseItemKind(blocks);
        var headings = new List<Heading>();
        var items = new List<PolicyItem>();
        var unclassified = new List<Block>();
        var stack = new List<(Marker Marker, string Label)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        Block? item = null;

        void Flush()
        {
            if (item is null)
            {
                return;
            }

            var built = BuildItem(item, stack, firstIsLead, years, ids);
            if (built is not null)
            {
                items.Add(built);
            }
            else
            {
                unclassified.Add(item);
            }

            item = null;
        }

        foreach (var block in blocks)
        {
            var marker = block.Marker;
            if (marker is null)
            {
                Flush();
                unclassified.Add(block);
                continue;
            }

            if (itemKind is { } kind && marker.Kind == kind)
            {
                Flush();
                var underClosing = stack.Count > 0 && IsClosingSection(stack[0].Label);
                if (underClosing && ClauseReader.Find(block.Text.Text) is null)
                {
                    AddHeading(block, stack, headings);
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
            AddHeading(block, stack, headings);
        }

        Flush();
        return new BodyReading(headings, items, unclassified);
    }

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

    private static PolicyItem? BuildItem(Block block, List<(Marker Marker, string Label)> stack, bool firstIsLead, TimeContext years, HashSet<string> ids)
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
        var clause = ClauseReader.Find(body.Text);
        var roles = clause is { } c ? ClauseReader.Read(body, c, firstIsLead) : [];
        var headings = stack.Where(h => h.Marker.Level < marker.Level).Select(h => h.Label).ToList();
        var id = ItemId(marker, stack);
        var unique = id;
        for (var n = 2; !ids.Add(unique); n++)
        {
            unique = $"{id}#{n}";
        }

        var figures = FigureStage.Read(body, years);
        return new PolicyItem(
            unique,
            marker.Kind == MarkerKind.Task && marker.Written.Length <= 5 ? null : marker.Number,
            marker.Written,
            headings,
            body.Text,
            full.ToSource(0, full.Length),
            roles,
            clause is { } cl ? body.ToSource(cl.Start, cl.End - cl.Start) : null,
            figures.Quantities,
            figures.Times)
        {
            Task = clause is { } t ? body.Text[..t.Start].TrimEnd() : body.Text,
        };
    }

    private static string ItemId(Marker marker, List<(Marker Marker, string Label)> stack) => marker.Kind switch
    {
        MarkerKind.Numbered => marker.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        MarkerKind.Subsection or MarkerKind.ParenNumbered => $"（{marker.Number}）",
        MarkerKind.Article => $"第{marker.Number}条",
        MarkerKind.Task => (stack.FirstOrDefault(h => h.Marker.Kind == MarkerKind.Section).Marker?.Normal ?? string.Empty) + marker.Normal,
        _ => marker.Normal,
    };

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

        foreach (var kind in new[] { MarkerKind.Task, MarkerKind.Article, MarkerKind.Numbered, MarkerKind.ParenNumbered })
        {
            if (candidates.Contains(kind))
            {
                return kind;
            }
        }

        return null;
    }

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

            // The item's own text and any deeper paragraphs under it, up to the next mark at its level or above.
            var last = blocks[i];
            for (var j = i + 1; j < blocks.Count && blocks[j].Marker is { } m && m.Level > level; j++)
            {
                last = blocks[j];
            }

            if (ClauseReader.Find(last.Text.Text) is not null)
            {
                count++;
            }
        }

        return count;
    }
}
