using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>
/// Task tables (序号 / 重点任务 / 具体措施 / 牵头单位 / 责任单位 / 配合单位 / 完成时限), wherever they come from — a web page, a
/// Word table, columns of plain text: finds the header and renders each row as the item line the reader understands,
/// "1.任务内容；具体措施：…；完成时限：2023年6月底前。（牵头单位：X；责任单位：Y、Z；配合单位：W）". Cells are mapped
/// texts, so every name keeps its span in the original; the words the table implies (labels, brackets) map to the
/// cell they stand for. A header repeated on every page is skipped, a cell may hold two units (on two lines or
/// separated by 、，；), an empty unit cell gives no role, a row holding one value across the table (a section
/// title) becomes a line of its own. Any other table gives one line per row.
/// </summary>
public static class TaskTableLayout
{
    private static readonly string[] NumberHeads = ["序号", "编号", "序"];
    private static readonly string[] TaskHeads = ["重点任务", "主要任务", "工作任务", "任务内容", "工作内容", "任务", "内容", "措施", "事项", "工作", "举措", "项目"];
    private static readonly string[] LeadHeads = ["牵头单位", "牵头部门", "牵头领导单位", "牵头"];
    private static readonly string[] ResponsibleHeads = ["责任单位", "责任部门", "主责单位", "负责单位", "承办单位", "实施单位", "责任主体", "责任"];
    private static readonly string[] CooperatingHeads = ["配合单位", "配合部门", "协办单位", "协同单位", "参与单位", "配合"];

    /// <summary>The columns of a task table's header (-1 where absent).</summary>
    public sealed record Columns(int Number, int Task, int Lead, int Responsible, int Cooperating, IReadOnlyList<string> Header);

    /// <summary>Reads a header row: a task column and a lead or responsible column, or null when it is none.</summary>
    public static Columns? ReadHeader(IReadOnlyList<string> cells)
    {
        var header = cells.Select(Squeeze).ToList();
        var lead = Column(header, LeadHeads, []);
        var cooperating = Column(header, CooperatingHeads, [lead]);
        var responsible = Column(header, ResponsibleHeads, [lead, cooperating]);
        if (lead < 0 && responsible < 0)
        {
            return null;
        }

        var number = Column(header, NumberHeads, [lead, cooperating, responsible]);
        var task = Column(header, TaskHeads, [lead, cooperating, responsible, number]);
        return task < 0 ? null : new Columns(number, task, lead, responsible, cooperating, header);
    }

    /// <summary>The lines of a table whose rows were read as mapped cell texts (merged cells already filled in).</summary>
    public static IReadOnlyList<MappedText> Render(IReadOnlyList<IReadOnlyList<MappedText>> rows)
    {
        var headerIndex = -1;
        Columns? columns = null;
        for (var i = 0; i < Math.Min(3, rows.Count) && columns is null; i++)
        {
            columns = ReadHeader(rows[i].Select(c => c.Text).ToList());
            headerIndex = columns is null ? -1 : i;
        }

        if (columns is null)
        {
            return rows.SelectMany(PlainLines).ToList();
        }

        var lines = rows.Take(headerIndex).SelectMany(PlainLines).ToList();
        var sequence = 0;
        foreach (var row in rows.Skip(headerIndex + 1))
        {
            if (RenderRow(row, columns, ref sequence) is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>
    /// One row as an item line; a section row (one value across the table) as its own line; null for an empty row or
    /// a repeated header. <paramref name="sequence"/> counts the items, numbering rows whose 序号 cell is empty.
    /// </summary>
    public static MappedText? RenderRow(IReadOnlyList<MappedText> row, Columns columns, ref int sequence)
    {
        var distinct = row.Where(c => c.Length > 0).DistinctBy(c => c.Text).ToList();
        if (distinct.Count == 0 || IsHeader(row, columns))
        {
            return null;
        }

        if (distinct.Count == 1 && row.Count > 1)
        {
            return OneLine(distinct[0]);
        }

        sequence++;
        var line = new MappedTextBuilder();
        var first = distinct[0].SourceOffset(0);
        AppendNumber(line, Cell(row, columns.Number), sequence, first);
        var task = OneLine(Cell(row, columns.Task));
        var extras = Enumerable.Range(0, Math.Min(row.Count, columns.Header.Count))
            .Where(i => i != columns.Number && i != columns.Task && i != columns.Lead && i != columns.Responsible && i != columns.Cooperating && row[i].Length > 0)
            .ToList();
        if (extras.Count == 0)
        {
            line.Append(task);
        }
        else
        {
            // "任务；完成时限：2025年6月底。": the other columns as fields after the task.
            line.Append(TrimStops(task));
            foreach (var i in extras)
            {
                var at = row[i].SourceOffset(0);
                line.AppendLiteral(task.Length > 0 || i != extras[0] ? "；" + columns.Header[i] + "：" : columns.Header[i] + "：", at);
                line.Append(TrimStops(OneLine(row[i])));
            }

            line.AppendLiteral("。", row[extras[^1]].SourceOffset(row[extras[^1]].Length));
        }

        var roles = 0;
        foreach (var (column, label) in new[] { (columns.Lead, "牵头单位"), (columns.Responsible, "责任单位"), (columns.Cooperating, "配合单位") })
        {
            var units = Units(Cell(row, column));
            if (units.Count == 0)
            {
                continue;
            }

            var at = units[0].SourceOffset(0);
            line.AppendLiteral(roles++ == 0 ? "（" + label + "：" : "；" + label + "：", at);
            for (var k = 0; k < units.Count; k++)
            {
                if (k > 0)
                {
                    line.AppendLiteral("、", units[k].SourceOffset(0));
                }

                line.Append(units[k]);
            }
        }

        if (roles > 0)
        {
            line.AppendLiteral("）", row[^1].SourceOffset(row[^1].Length));
        }

        return line.ToMappedText();
    }

    private static bool IsHeader(IReadOnlyList<MappedText> row, Columns columns)
    {
        var cells = row.Select(c => Squeeze(c.Text)).Where(c => c.Length > 0).ToList();
        var header = columns.Header.Where(c => c.Length > 0).ToList();
        return cells.Count == header.Count && cells.SequenceEqual(header);
    }

    private static void AppendNumber(MappedTextBuilder line, MappedText cell, int sequence, int rowStart)
    {
        var written = cell.Text.Trim().TrimEnd('.', '．', '、', ' ');
        var at = cell.Length > 0 ? cell.SourceOffset(0) : rowStart;
        if (written.Length == 0)
        {
            line.AppendLiteral($"{sequence}.", at);
        }
        else if (written.All(char.IsAsciiDigit))
        {
            line.AppendLiteral($"{written}.", at);
        }
        else
        {
            line.AppendLiteral(written.StartsWith('（') || written.StartsWith('(') ? written : $"{written}、", at);
        }
    }

    /// <summary>The units of a cell: split on line breaks and 、，,；; outside brackets.</summary>
    private static List<MappedText> Units(MappedText cell)
    {
        var units = new List<MappedText>();
        foreach (var (start, end) in Brackets.Split(cell.Text, 0, cell.Length, c => c is '\n' or '\r' or '、' or '，' or ',' or '；' or ';'))
        {
            var a = start;
            var b = end;
            while (a < b && (Cjk.IsSpace(cell.Text[a]) || cell.Text[a] is '。'))
            {
                a++;
            }

            while (b > a && (Cjk.IsSpace(cell.Text[b - 1]) || cell.Text[b - 1] is '。'))
            {
                b--;
            }

            if (b > a)
            {
                units.Add(cell.Slice(a, b - a));
            }
        }

        return units;
    }

    private static int Column(IReadOnlyList<string> header, string[] names, int[] except)
    {
        foreach (var name in names)
        {
            for (var i = 0; i < header.Count; i++)
            {
                if (!except.Contains(i) && header[i].Contains(name, StringComparison.Ordinal))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static MappedText Cell(IReadOnlyList<MappedText> row, int column) => column >= 0 && column < row.Count ? row[column] : MappedText.Identity(string.Empty);

    /// <summary>
    /// A row of a table that is not a task table: one line with the cells separated by a space, except where a cell
    /// holds several paragraphs (a table used for layout, with the whole article in a cell): then its lines as they are.
    /// </summary>
    private static IEnumerable<MappedText> PlainLines(IReadOnlyList<MappedText> row)
    {
        var cells = row.Where(c => c.Length > 0).DistinctBy(c => c.Text).ToList();
        if (cells.Any(c => c.Text.Contains('\n', StringComparison.Ordinal)))
        {
            return cells.SelectMany(Lines);
        }

        if (cells.Count == 0)
        {
            return [];
        }

        var line = new MappedTextBuilder();
        foreach (var cell in cells)
        {
            if (!line.IsEmpty)
            {
                line.AppendLiteral(" ", cell.SourceOffset(0));
            }

            line.Append(cell);
        }

        return [line.ToMappedText()];
    }

    private static IEnumerable<MappedText> Lines(MappedText cell)
    {
        var start = 0;
        for (var i = 0; i <= cell.Length; i++)
        {
            if (i == cell.Length || cell.Text[i] == '\n')
            {
                if (i > start)
                {
                    yield return cell.Slice(start, i - start);
                }

                start = i + 1;
            }
        }
    }

    /// <summary>The cell on one line: its line breaks removed.</summary>
    private static MappedText OneLine(MappedText cell)
    {
        if (!cell.Text.Contains('\n', StringComparison.Ordinal) && !cell.Text.Contains('\r', StringComparison.Ordinal))
        {
            return cell;
        }

        var line = new MappedTextBuilder();
        foreach (var piece in Lines(cell))
        {
            line.Append(piece.Text.EndsWith('\r') ? piece.Slice(0, piece.Length - 1) : piece);
        }

        return line.ToMappedText();
    }

    private static MappedText TrimStops(MappedText text)
    {
        var end = text.Length;
        while (end > 0 && text.Text[end - 1] is '。' or '；' or ';')
        {
            end--;
        }

        return end == text.Length ? text : text.Slice(0, end);
    }

    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
