namespace PolicyLedger.Formats;

/// <summary>
/// Renders a table as lines of text the reader understands. A task table (序号 / 任务 / 责任单位 columns) gives one
/// item per row, written the way a numbered item with its clause is written in running text:
/// "1.任务内容（牵头单位：X；配合单位：Y）". Any other table gives one line per row, cells separated by a space
/// (or, for a layout table whose cells hold paragraphs, the cells' lines).
/// Rows that hold one value across the table (a section title inside a task table) become a line of their own.
/// </summary>
internal static class TaskTable
{
    private static readonly string[] NumberHeads = ["序号", "编号", "序"];
    private static readonly string[] TaskHeads = ["任务", "工作内容", "内容", "措施", "事项", "工作", "举措", "项目"];
    private static readonly string[] LeadHeads = ["牵头单位", "牵头部门", "牵头"];
    private static readonly string[] ResponsibleHeads = ["责任单位", "责任部门", "主责单位", "负责单位", "承办单位", "责任"];
    private static readonly string[] CooperatingHeads = ["配合单位", "配合部门", "协办单位", "配合"];

    /// <summary>Lines for a table whose cells were read as text (merged cells already filled in).</summary>
    public static IReadOnlyList<string> Render(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var headerIndex = FindHeader(rows);
        if (headerIndex < 0)
        {
            return rows.SelectMany(PlainLines).ToList();
        }

        var header = rows[headerIndex].Select(Squeeze).ToList();
        var lead = Column(header, LeadHeads);
        var cooperating = Column(header, CooperatingHeads, except: [lead]);
        var responsible = Column(header, ResponsibleHeads, except: [lead, cooperating]);
        var number = Column(header, NumberHeads, except: [lead, cooperating, responsible]);
        var task = Column(header, TaskHeads, except: [lead, cooperating, responsible, number]);
        var lines = rows.Take(headerIndex).SelectMany(PlainLines).ToList();
        var sequence = 0;
        foreach (var row in rows.Skip(headerIndex + 1))
        {
            var distinct = row.Where(c => c.Length > 0).Distinct().ToList();
            if (distinct.Count == 0)
            {
                continue;
            }

            if (distinct.Count == 1 && row.Count > 1)
            {
                lines.Add(OneLine(distinct[0]));
                continue;
            }

            sequence++;
            var marker = NumberMark(Cell(row, number), sequence);
            var body = OneLine(Cell(row, task));
            var extras = new List<string>();
            for (var i = 0; i < row.Count; i++)
            {
                if (i != number && i != task && i != lead && i != responsible && i != cooperating && row[i].Length > 0 && i < header.Count)
                {
                    extras.Add($"{header[i]}：{OneLine(row[i])}");
                }
            }

            if (extras.Count > 0)
            {
                body = body.TrimEnd('。', '；', ';') + "；" + string.Join("；", extras) + "。";
            }

            var clause = new List<string>();
            AddUnits(clause, "牵头单位", Cell(row, lead));
            AddUnits(clause, "责任单位", Cell(row, responsible));
            AddUnits(clause, "配合单位", Cell(row, cooperating));
            lines.Add(clause.Count == 0 ? marker + body : $"{marker}{body}（{string.Join("；", clause)}）");
        }

        return lines;
    }

    /// <summary>The first of the first three rows that names a task column and a unit column.</summary>
    private static int FindHeader(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        for (var i = 0; i < Math.Min(3, rows.Count); i++)
        {
            var header = rows[i].Select(Squeeze).ToList();
            var units = Column(header, LeadHeads) >= 0 || Column(header, ResponsibleHeads) >= 0;
            if (units && Column(header, TaskHeads, except: [Column(header, LeadHeads), Column(header, ResponsibleHeads), Column(header, CooperatingHeads)]) >= 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static int Column(IReadOnlyList<string> header, string[] names, int[]? except = null)
    {
        foreach (var name in names)
        {
            for (var i = 0; i < header.Count; i++)
            {
                if ((except is null || !except.Contains(i)) && header[i].Contains(name, StringComparison.Ordinal))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static string Cell(IReadOnlyList<string> row, int column) => column >= 0 && column < row.Count ? row[column] : string.Empty;

    private static string NumberMark(string written, int sequence)
    {
        var number = written.Trim().TrimEnd('.', '．', '、', ' ');
        if (number.Length == 0)
        {
            return $"{sequence}.";
        }

        return number.All(char.IsAsciiDigit) ? $"{number}." : number.StartsWith('（') || number.StartsWith('(') ? number : $"{number}、";
    }

    private static void AddUnits(List<string> clause, string role, string cell)
    {
        var units = string.Join("、", cell.Split(['\n', '，', ',', '；', ';', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (units.Length > 0)
        {
            clause.Add($"{role}：{units}");
        }
    }

    /// <summary>
    /// A row of a table that is not a task table: one line with the cells separated by a space, except where a cell
    /// holds several paragraphs (a table used for layout, with the whole article in a cell): then its lines as they are.
    /// </summary>
    private static IEnumerable<string> PlainLines(IReadOnlyList<string> row)
    {
        var cells = row.Where(c => c.Length > 0).Distinct().ToList();
        if (cells.Any(c => c.Contains('\n', StringComparison.Ordinal)))
        {
            return cells.SelectMany(c => c.Split('\n')).Where(l => l.Length > 0);
        }

        return cells.Count == 0 ? [] : [string.Join(" ", cells)];
    }

    private static string OneLine(string cell) => cell.Replace("\n", string.Empty, StringComparison.Ordinal);

    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
