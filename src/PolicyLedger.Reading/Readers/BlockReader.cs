using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>
/// Joins the body's lines into paragraphs. A line opens a new paragraph when it starts with a number mark that
/// fits the numbering so far (the next number, or a list starting again at 1) outside any open bracket, or when
/// the paragraph before it ended with a complete responsibility clause. Clause lines (责任单位：…, 配合单位：…)
/// stay with the task above them; other lines continue the paragraph (text extracted from PDFs breaks lines
/// inside sentences).
/// </summary>
internal static class BlockReader
{
    public static List<Block> Read(IReadOnlyList<SourceLine> lines, ReadingContext context)
    {
        var blocks = new List<Block>();
        var last = new Dictionary<MarkerKind, int>();
        var lastBlock = new Dictionary<MarkerKind, int>();
        Block? current = null;
        foreach (var line in SplitJoinedItems(lines, last))
        {
            var text = line.Text.Text;
            var marker = Marker.Read(text);
            if (marker is { Ambiguous: true } && current is null)
            {
                marker = null;
            }

            if (marker is not null && current is not null && !Accept(marker, current, last))
            {
                marker = null;
            }

            if (marker is not null)
            {
                current = Start(blocks, marker, line);
                if (marker.Kind != MarkerKind.Bullet && last.TryGetValue(marker.Kind, out var previous))
                {
                    var at = line.Text.ToSource(0, marker.Length);
                    if (marker.Number > previous + 1)
                    {
                        current.NumberingNote = Syntax.DiagnosticCodes.Gap(previous + 1, marker.Number, at);
                        context.Report(current.NumberingNote);
                    }
                    else if (marker.Number == 1 && previous > 1 && !HeadingBetween(blocks, lastBlock[marker.Kind], marker))
                    {
                        current.NumberingNote = Syntax.DiagnosticCodes.Restarted(previous, at);
                    }
                }

                last[marker.Kind] = marker.Number;
                lastBlock[marker.Kind] = blocks.Count - 1;
                continue;
            }

            if (current is null
                || (current.ClauseClosed && !ClauseFinder.StartsWithLabel(text))
                || (IsBareHeading(current) && !ClauseFinder.StartsWithLabel(text)))
            {
                current = Start(blocks, null, line);
                continue;
            }

            current.Append(line);
        }

        return blocks;
    }

    /// <summary>一、 and 第一章 headings are one line unless the line breaks inside a sentence or a bracket.</summary>
    private static bool IsBareHeading(Block block) =>
        block.Marker?.Kind is MarkerKind.Section or MarkerKind.Chapter
        && block.Depth == 0
        && block.FirstLine == block.LastLine
        && block.LastLineText.Length <= 40
        && block.LastLineText[^1] is not ('，' or '、' or ',');

    /// <summary>The bracket left open is a clause ("（责任单位：X", "（X、Y负责"): its closing bracket is missing.</summary>
    private static bool OpenClause(string text)
    {
        var open = text.LastIndexOfAny(['（', '(']);
        return open >= 0 && (ClauseFinder.StartsWithLabel(text[(open + 1)..]) || ClauseFinder.IsClauseContent(text, open + 1, text.Length));
    }

    private static Block Start(List<Block> blocks, Marker? marker, SourceLine line)
    {
        var block = new Block(marker, line.Number);
        block.Append(line);
        blocks.Add(block);
        return block;
    }

    /// <summary>A clause line complete to its end: "牵头单位：区发改局  配合单位：区财政局" (not "责任单位：X、" broken on).</summary>
    private static bool EndsWithKeyedClause(string line)
    {
        if (line.Length == 0 || line[^1] is '、' or '，' or ',' || !line.Contains('：') && !line.Contains(':'))
        {
            return false;
        }

        var clauses = ClauseFinder.Scan(line, nearMisses: false).Clauses;
        return clauses.Count > 0 && !clauses[^1].Bracketed && clauses[^1].End >= line.TrimEnd('。', ' ').Length;
    }

    /// <summary>Whether a mark of an outer level stands between the block at <paramref name="from"/> and the last block.</summary>
    private static bool HeadingBetween(List<Block> blocks, int from, Marker marker)
    {
        for (var i = from + 1; i < blocks.Count - 1; i++)
        {
            if (blocks[i].Marker is { } m && m.Level < marker.Level)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Lines as they come, except that a line holding two items joined after a complete bracketed clause
    /// ("…（责任单位：X）2.推进…") is cut before the second item's mark, when that mark is the next number.
    /// </summary>
    private static IEnumerable<SourceLine> SplitJoinedItems(IReadOnlyList<SourceLine> lines, Dictionary<MarkerKind, int> last)
    {
        foreach (var line in lines)
        {
            var rest = line;
            var cut = JoinedItemAt(rest.Text.Text, last);
            while (cut > 0)
            {
                yield return rest with { Text = rest.Text.Slice(0, cut) };
                rest = rest with { Text = rest.Text.Slice(cut) };
                cut = JoinedItemAt(rest.Text.Text, last);
            }

            yield return rest;
        }
    }

    /// <summary>
    /// The index after "）" or "）。" where a next-numbered mark (or a bullet) opens a joined item, or after the names of
    /// a clause line ("责任单位：区农业农村局（二）推进…"), or -1.
    /// </summary>
    private static int JoinedItemAt(string text, Dictionary<MarkerKind, int> last)
    {
        var own = Marker.Read(text);
        if (HasLabelColon(text))
        {
            var clauses = ClauseFinder.Scan(text, nearMisses: false).Clauses;
            if (clauses.Count > 0 && clauses[^1] is { Bracketed: false } keyed && keyed.End < text.Length - 1
                && Marker.Read(text[keyed.End..]) is { Ambiguous: false } after && IsNext(after, own, last))
            {
                return keyed.End;
            }
        }

        for (var i = text.IndexOfAny(['）', ')']); i > 0 && i < text.Length - 2; i = text.IndexOfAny(['）', ')'], i + 1))
        {
            var at = i + 1;
            while (at < text.Length && text[at] is '。' or '；' or ';' or ' ')
            {
                at++;
            }

            if (at >= text.Length - 1 || !MayOpenMark(text[at]) || Marker.Read(text[at..]) is not { Ambiguous: false } next)
            {
                continue;
            }

            if (IsNext(next, own, last) && ClauseFinder.EndsWithClause(MappedText.Identity(text[..(i + 1)])))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>A colon after 单位, 部门 or 主体: the line may hold a clause line's label.</summary>
    private static bool HasLabelColon(string text)
    {
        for (var i = text.IndexOfAny(['：', ':']); i >= 2; i = i + 1 < text.Length ? text.IndexOfAny(['：', ':'], i + 1) : -1)
        {
            if (text.AsSpan(i - 2, 2) is "单位" or "部门" or "主体")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A character a number mark or bullet can open with.</summary>
    private static bool MayOpenMark(char c) =>
        char.IsAsciiDigit(c) || c is '（' or '(' or '第' or '主' or '—' or '－' or '●' or '■' or '◆' or '•' or '▪' or '★' || ChineseNumerals.IsNumeralChar(c);

    /// <summary>The mark numbers the item after the line's own (or after the last of its kind), or is a bullet after a bullet.</summary>
    private static bool IsNext(Marker next, Marker? own, Dictionary<MarkerKind, int> last) =>
        next.Kind == MarkerKind.Bullet
            ? own?.Kind == MarkerKind.Bullet
            : next.Number == (own is not null && own.Kind == next.Kind ? own.Number : last.GetValueOrDefault(next.Kind)) + 1
              && (own is null || own.Kind == next.Kind);

    private static bool Accept(Marker marker, Block current, Dictionary<MarkerKind, int> last)
    {
        if (marker.Kind == MarkerKind.Bullet)
        {
            return current.Depth == 0 || current.ClauseClosed || OpenClause(current.Text.Text);
        }

        var previous = last.GetValueOrDefault(marker.Kind);
        var expected = marker.Number == previous + 1;
        var sentenceEnded = current.LastLineText.Length == 0 || LinePatterns.EndsSentence(current.LastLineText) || current.ClauseClosed
            || EndsWithKeyedClause(current.LastLineText);
        var afterHeading = current.Marker is { } m && m.Level < marker.Level && current.Text.Length < 40 && current.Depth == 0;
        if (marker.Ambiguous || marker.Kind == MarkerKind.Enumerated)
        {
            return (expected || (marker.Kind == MarkerKind.Enumerated && marker.Number == 1)) && (sentenceEnded || afterHeading) && current.Depth == 0;
        }

        if (current.Depth > 0)
        {
            // Inside an open bracket only the very next number opens a paragraph: after a finished sentence, or
            // when the open bracket is a clause that was never closed (a typo in the source).
            return expected && (sentenceEnded || OpenClause(current.Text.Text));
        }

        if (expected || marker.Number == 1)
        {
            return true;
        }

        // A gap in the numbering is accepted after a finished sentence or a heading.
        // After a complete clause any later number opens a paragraph.
        return marker.Number > previous && (current.ClauseClosed || (marker.Number - previous <= 5 && (sentenceEnded || afterHeading)));
    }
}
