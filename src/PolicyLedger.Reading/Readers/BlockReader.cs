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
        Block? current = null;
        foreach (var line in lines)
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
                if (last.TryGetValue(marker.Kind, out var previous) && marker.Number > previous + 1)
                {
                    context.Report(Syntax.DiagnosticCodes.Gap(previous + 2, marker.Number, line.Text.ToSource(0, marker.Length)));
                }

                last[marker.Kind] = marker.Number;
                continue;
            }

            if (current is null
                || (current.ClauseClosed && !ClauseReader.StartsWithLabel(text))
                || (IsBareHeading(current) && !ClauseReader.StartsWithLabel(text)))
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

    private static bool OpenClause(string text)
    {
        var open = text.LastIndexOfAny(['（', '(']);
        return open >= 0 && ClauseReader.StartsWithLabel(text[(open + 1)..]);
    }

    private static Block Start(List<Block> blocks, Marker? marker, SourceLine line)
    {
        var block = new Block(marker, line.Number);
        block.Append(line);
        blocks.Add(block);
        return block;
    }

    private static bool Accept(Marker marker, Block current, Dictionary<MarkerKind, int> last)
    {
        var previous = last.GetValueOrDefault(marker.Kind);
        var expected = marker.Number == previous + 1;
        var sentenceEnded = current.LastLineText.Length == 0 || LinePatterns.EndsSentence(current.LastLineText) || current.ClauseClosed;
        var afterHeading = current.Marker is { } m && m.Level < marker.Level && current.Text.Length < 40 && current.Depth == 0;
        if (marker.Ambiguous)
        {
            return expected && (sentenceEnded || afterHeading) && current.Depth == 0;
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
