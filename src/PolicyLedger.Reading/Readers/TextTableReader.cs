using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>
/// Task tables in plain text: a header line (序号 / 重点任务 / 牵头单位 / 责任单位 / 完成时限 …) whose cells are separated
/// by tabs, by pipes (| │) or by runs of two or more spaces (an ideographic space counts as two), then one row per
/// line (a task cell left empty continues the task above, as a merged cell copied from a table does). Each row
/// becomes the item line <see cref="TaskTableLayout"/> renders, mapped back to the cells in the
/// original text; a repeated header is skipped, a line between rows that holds one value (a section title) stays a
/// line of its own, and the table ends at the first line that is neither. Rows split by spaces that leave cells empty
/// are aligned to the header by the display column where each cell starts.
/// </summary>
internal static class TextTableReader
{
    private readonly record struct Cell(int Start, int End, int Column);

    public static IReadOnlyList<SourceLine> Read(IReadOnlyList<SourceLine> lines, string original)
    {
        List<SourceLine>? result = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (HeaderAt(line, original) is not { } header)
            {
                result?.Add(line);
                continue;
            }

            result ??= lines.Take(i).ToList();
            var (cells, columns) = header;
            var sequence = 0;
            MappedText? task = null;
            var j = i + 1;
            for (; j < lines.Count; j++)
            {
                var row = lines[j];
                var split = Split(original, row.Span.Start, row.Span.End);
                if (split.Count >= 2)
                {
                    var aligned = Align(original, split, cells);

                    // A task cell merged over several rows is written once, in the first of them.
                    if (aligned[columns.Task].Length == 0 && task is not null)
                    {
                        aligned[columns.Task] = task;
                    }

                    task = aligned[columns.Task];
                    if (TaskTableLayout.RenderRow(aligned, columns, ref sequence) is { } rendered)
                    {
                        result.Add(row with { Text = rendered, LeadingSpaces = 0 });
                    }

                    continue;
                }

                var text = row.Text.Text;
                if (IsRule(text))
                {
                    continue;
                }

                if (!IsSectionRow(text))
                {
                    break;
                }

                result.Add(row);
            }

            i = j - 1;
        }

        return result ?? lines;
    }

    private static (List<Cell> Cells, TaskTableLayout.Columns Columns)? HeaderAt(SourceLine line, string original)
    {
        var folded = line.Text.Text;
        if (folded.Length > 120 || !(folded.Contains("单位", StringComparison.Ordinal) || folded.Contains("部门", StringComparison.Ordinal) || folded.Contains("牵头", StringComparison.Ordinal)))
        {
            return null;
        }

        var cells = Split(original, line.Span.Start, line.Span.End);
        if (cells.Count < 3)
        {
            return null;
        }

        var columns = TaskTableLayout.ReadHeader(cells.Select(c => original[c.Start..c.End]).ToList());
        return columns is null ? null : (cells, columns);
    }

    /// <summary>The cells of a raw line: split by tabs, else by pipes, else by runs of spaces at least two columns wide.</summary>
    private static List<Cell> Split(string s, int start, int end)
    {
        var cells = new List<Cell>();
        var line = s.AsSpan(start, end - start);
        if (line.Contains('\t'))
        {
            var from = start;
            for (var i = start; i <= end; i++)
            {
                if (i == end || s[i] == '\t')
                {
                    AddCell(s, cells, from, i, keepEmpty: true, start);
                    from = i + 1;
                }
            }

            return cells;
        }

        if (line.IndexOfAny('|', '│', '┃') >= 0)
        {
            var from = start;
            for (var i = start; i <= end; i++)
            {
                if (i == end || s[i] is '|' or '│' or '┃')
                {
                    AddCell(s, cells, from, i, keepEmpty: i != end && from != start, start);
                    from = i + 1;
                }
            }

            return cells;
        }

        var cellStart = -1;
        for (var i = start; i <= end; i++)
        {
            if (i < end && !Cjk.IsSpace(s[i]))
            {
                if (cellStart < 0)
                {
                    cellStart = i;
                }

                continue;
            }

            if (cellStart < 0)
            {
                continue;
            }

            var gap = i;
            var width = 0;
            while (gap < end && Cjk.IsSpace(s[gap]))
            {
                width += s[gap] == '\u3000' ? 2 : 1;
                gap++;
            }

            if (i == end || width >= 2 || gap == end)
            {
                AddCell(s, cells, cellStart, i, keepEmpty: false, start);
                cellStart = -1;
            }

            i = gap - 1;
        }

        return cells;
    }

    private static void AddCell(string s, List<Cell> cells, int from, int to, bool keepEmpty, int lineStart)
    {
        while (from < to && Cjk.IsSpace(s[from]))
        {
            from++;
        }

        while (to > from && Cjk.IsSpace(s[to - 1]))
        {
            to--;
        }

        if (to > from || keepEmpty)
        {
            cells.Add(new Cell(from, to, DisplayColumn(s, lineStart, from)));
        }
    }

    /// <summary>The cells of a row in the header's columns: by position when the counts agree, else by display column.</summary>
    private static List<MappedText> Align(string s, List<Cell> row, List<Cell> header)
    {
        var texts = new MappedText[header.Count];
        if (row.Count == header.Count)
        {
            for (var k = 0; k < row.Count; k++)
            {
                texts[k] = TextNormalizer.Fold(s, row[k].Start, row[k].End);
            }
        }
        else
        {
            var builders = new MappedTextBuilder?[header.Count];
            foreach (var cell in row)
            {
                var column = 0;
                for (var k = 0; k < header.Count; k++)
                {
                    if (header[k].Column <= cell.Column + 1)
                    {
                        column = k;
                    }
                }

                (builders[column] ??= new MappedTextBuilder()).AppendLine(TextNormalizer.Fold(s, cell.Start, cell.End));
            }

            for (var k = 0; k < header.Count; k++)
            {
                texts[k] = builders[k]?.ToMappedText() ?? MappedText.Identity(string.Empty);
            }
        }

        for (var k = 0; k < texts.Length; k++)
        {
            texts[k] ??= MappedText.Identity(string.Empty);
        }

        return [.. texts];
    }

    /// <summary>How many columns a monospaced display gives the text before <paramref name="at"/> (CJK characters are two wide).</summary>
    private static int DisplayColumn(string s, int lineStart, int at)
    {
        var column = 0;
        for (var i = lineStart; i < at; i++)
        {
            column += Cjk.IsCjkLike(s[i]) ? 2 : 1;
        }

        return column;
    }

    /// <summary>A rule line of a drawn table: |---|---|, ─────, +----+.</summary>
    private static bool IsRule(string text) => text.Length > 0 && text.All(c => c is '-' or '—' or '─' or '━' or '|' or '│' or '+' or '┼' or ':' or '=' or ' ');

    /// <summary>A line between rows that holds a section title ("一、产业发展"): short, no full stop.</summary>
    private static bool IsSectionRow(string text) =>
        text.Length is > 0 and <= 40 && !text.Contains('。') && Marker.Read(text) is { Kind: MarkerKind.Section or MarkerKind.Subsection or MarkerKind.Chapter };
}
