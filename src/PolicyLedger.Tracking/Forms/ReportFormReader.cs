using System.Globalization;
using ClosedXML.Excel;
using PolicyLedger.Tracking.Periods;
using L = PolicyLedger.Tracking.Forms.ReportFormLayout;

namespace PolicyLedger.Tracking.Forms;

/// <summary>
/// Reads a filled report form back. The header row is found by its names (事项编号, 完成进度(%) …) and each column by
/// its header, so a moved or deleted row never shifts the data; a form without them is refused with what is missing.
/// Every row is checked and every problem of a row listed: unknown item, item of another unit, percent outside
/// 0–100 or not a number, a figure that is not a quantity or is in another unit than the target ("30家" against
/// "25家" is read with the quantity reader), wrong period, 是否完成 not 是/否, an evidence file that cannot be attached.
/// A formula cell gives the value Excel saved with it, or is refused with its formula and why; nothing is silently
/// dropped. Never throws on a bad workbook or row; a file that is not a form gives one rejection at row 0.
/// </summary>
public static class ReportFormReader
{
    public static FormReadResult Read(Stream input, IFormCatalog catalog, ReportingPeriod? expected = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (WorkbookFile.Problem(input) is { } problem)
        {
            return new FormReadResult(null, null, [], [new FormRejection("(file)", 0, problem)], 0);
        }

        XLWorkbook wb;
        SavedFormulaValues saved;
        try
        {
            saved = SavedFormulaValues.Read(input);
            wb = new XLWorkbook(input);
        }
        catch (Exception e) when (IsBadFile(e))
        {
            return Refused("不是可读取的 .xlsx 工作簿：" + e.Message);
        }

        using (wb)
        {
            try
            {
                return Read(wb, saved, catalog, expected);
            }
            catch (Exception e) when (IsBadFile(e))
            {
                return Refused("工作簿内容无法读取：" + e.Message);
            }
        }
    }

    public static FormReadResult Read(string path, IFormCatalog catalog, ReportingPeriod? expected = null)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, catalog, expected);
    }

    private static bool IsBadFile(Exception e) =>
        e is InvalidDataException or IOException or ArgumentException or FormatException or InvalidOperationException
            or System.Xml.XmlException or InvalidCastException or OverflowException or NotSupportedException or KeyNotFoundException
            or NullReferenceException or IndexOutOfRangeException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException;

    private static FormReadResult Refused(string why) => new(null, null, [], [new FormRejection("(文件)", 0, why)], 0);

    private static FormReadResult Read(XLWorkbook wb, SavedFormulaValues saved, IFormCatalog catalog, ReportingPeriod? expected)
    {
        if (!wb.TryGetWorksheet(L.SheetName, out var ws))
        {
            return Refused($"没有名为“{L.SheetName}”的工作表：不是进展填报表");
        }

        var headerRow = FindHeaderRow(ws, saved);
        if (headerRow is null)
        {
            return Refused($"在{L.SheetName}表前{L.HeaderSearchRows}行中找不到表头行（应有“{L.KeyHeader}”“{L.PercentHeader}”等列名）：表头可能被删除，请用导出的填报表填写");
        }

        var columns = Columns(ws, saved, headerRow.Value);
        var missing = L.Required.Where(h => !columns.ContainsKey(h)).ToList();
        if (missing.Count > 0)
        {
            return Refused($"{L.SheetName}表第{headerRow}行的表头缺少：{string.Join("、", missing)}");
        }

        var (unit, unitProblem) = Labelled(ws, saved, headerRow.Value, L.UnitLabel);
        var (unitKey, keyProblem) = Labelled(ws, saved, headerRow.Value, L.UnitKeyLabel);
        var (periodText, periodProblem) = Labelled(ws, saved, headerRow.Value, L.PeriodLabel);
        var problem = unitProblem ?? keyProblem ?? periodProblem;
        if (problem is not null)
        {
            return new FormReadResult(null, null, [], [new FormRejection(ws.Name, L.MetaRow, problem)], 0);
        }

        ReportingPeriod? formPeriod = ReportingPeriod.TryParse(periodText, out var fp) ? fp : null;
        var period = expected ?? formPeriod;
        if (expected is { } e && formPeriod is { } f && e != f)
        {
            return new FormReadResult(unit, formPeriod, [], [new FormRejection(ws.Name, L.MetaRow, $"期间不符：此表是{f}的，应为{e}")], 0, unitKey);
        }

        var entries = new List<FormEntry>();
        var rejected = new List<FormRejection>();
        var blank = 0;
        var owner = string.IsNullOrEmpty(unitKey) ? unit : unitKey;
        var last = ws.LastRowUsed()?.RowNumber() ?? 0;
        for (var r = headerRow.Value + 1; r <= last; r++)
        {
            var row = new RowReader(ws, saved, r, columns);
            var entry = ReadRow(row, owner ?? "", period, catalog);
            if (row.Problems.Count > 0)
            {
                rejected.Add(new FormRejection(ws.Name, r, row.Problems));
            }
            else if (entry is null)
            {
                blank++;
            }
            else
            {
                entries.Add(entry);
            }
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries.ToList())
        {
            if (seen.TryGetValue(entry.ItemKey, out var first))
            {
                entries.Remove(entry);
                rejected.Add(new FormRejection(entry.Sheet, entry.Row, $"事项{entry.ItemKey}在第{first}行已填报，同一事项只能填一行"));
            }
            else
            {
                seen[entry.ItemKey] = entry.Row;
            }
        }

        return new FormReadResult(unit, period, entries, rejected.OrderBy(x => x.Row).ToList(), blank, string.IsNullOrEmpty(unitKey) ? null : unitKey);
    }

    /// <summary>The first row (from the top) holding the 事项编号 header and at least one column to fill.</summary>
    private static int? FindHeaderRow(IXLWorksheet ws, SavedFormulaValues saved)
    {
        for (var r = 1; r <= L.HeaderSearchRows; r++)
        {
            var names = ws.Row(r).CellsUsed().Select(c => Plain(c, saved)).ToHashSet(StringComparer.Ordinal);
            if (names.Contains(L.KeyHeader) && (names.Contains(L.PercentHeader) || names.Contains(L.NarrativeHeader)))
            {
                return r;
            }
        }

        return null;
    }

    private static Dictionary<string, int> Columns(IXLWorksheet ws, SavedFormulaValues saved, int headerRow)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in ws.Row(headerRow).CellsUsed())
        {
            columns.TryAdd(Plain(cell, saved), cell.Address.ColumnNumber);
        }

        return columns;
    }

    /// <summary>The value beside a label (填报单位 | 财政局) above the header row; a formula there must have a saved value.</summary>
    private static (string Value, string? Problem) Labelled(IXLWorksheet ws, SavedFormulaValues saved, int headerRow, string label)
    {
        for (var r = 1; r < headerRow; r++)
        {
            foreach (var cell in ws.Row(r).CellsUsed())
            {
                if (Plain(cell, saved) == label)
                {
                    var (value, problem) = CellValue.Of(cell.CellRight(), saved);
                    return (value, problem is null ? null : $"“{label}”{problem}");
                }
            }
        }

        return ("", null);
    }

    private static string Plain(IXLCell cell, SavedFormulaValues saved) => CellValue.Of(cell, saved).Text;

    /// <summary>One row's cells by header, collecting every problem met.</summary>
    private sealed class RowReader(IXLWorksheet ws, SavedFormulaValues saved, int row, IReadOnlyDictionary<string, int> columns)
    {
        public List<string> Problems { get; } = [];

        public string Sheet => ws.Name;

        public int Row => row;

        public string this[string header]
        {
            get
            {
                if (!columns.TryGetValue(header, out var c))
                {
                    return "";
                }

                var cell = ws.Cell(row, c);
                var (text, problem) = CellValue.Of(cell, saved);
                if (problem is not null)
                {
                    Problems.Add($"{header}（{cell.Address.ToStringRelative()}）{problem}");
                }

                return text;
            }
        }
    }

    private static FormEntry? ReadRow(RowReader row, string owner, ReportingPeriod? period, IFormCatalog catalog)
    {
        var key = row[L.KeyHeader];
        var percentText = row[L.PercentHeader];
        var doneText = row[L.DoneHeader];
        var figureText = row[L.FigureHeader];
        var narrative = row[L.NarrativeHeader];
        var evidence = row[L.EvidenceHeader];
        var reporter = row[L.ReporterHeader];
        var rowPeriodText = row[L.PeriodHeader];
        var problems = row.Problems;
        var filled = percentText.Length + doneText.Length + figureText.Length + narrative.Length + evidence.Length > 0;
        if (!filled && problems.Count == 0)
        {
            return null;
        }

        if (key.Length == 0)
        {
            problems.Add($"已填写的行没有{L.KeyHeader}");
        }
        else if (catalog.UnitsOf(key) is not { } units)
        {
            problems.Add($"没有编号为 {key} 的事项");
        }
        else if (owner.Length > 0 && !units.Contains(owner))
        {
            problems.Add($"事项 {key} 不是本单位的：其责任单位是 {string.Join("、", units.Where(u => !u.Contains('/', StringComparison.Ordinal)))}");
        }

        if (period is null)
        {
            problems.Add("表中没有填写期间");
        }
        else if (rowPeriodText.Length > 0 && (!ReportingPeriod.TryParse(rowPeriodText, out var rp) || rp != period))
        {
            problems.Add($"期间“{rowPeriodText}”与本表期间{period}不符");
        }

        decimal? percent = null;
        if (percentText.Length > 0)
        {
            if (!FigureText.TryNumber(percentText.TrimEnd('%', '％'), out var p))
            {
                problems.Add($"完成进度“{percentText}”不是数字");
            }
            else if (p is < 0 or > 100)
            {
                problems.Add($"完成进度{p.ToString(CultureInfo.InvariantCulture)}超出0–100");
            }
            else
            {
                percent = p;
            }
        }

        var done = false;
        if (doneText.Length > 0)
        {
            if (doneText is "是" or "已完成" or "完成")
            {
                done = true;
            }
            else if (doneText is not ("否" or "未完成"))
            {
                problems.Add($"是否完成“{doneText}”应为“是”或“否”");
            }
        }

        decimal? figure = null;
        if (figureText.Length > 0)
        {
            var target = key.Length > 0 ? catalog.TargetOf(key) : (null, null);
            var read = FigureText.Read(figureText, target.Unit);
            if (read.Problem is not null)
            {
                problems.Add(read.Problem);
            }
            else
            {
                figure = read.Value;
            }
        }

        var files = evidence.Split(['；', ';', '\n', '，', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var file in files)
        {
            if (catalog.EvidenceProblem(file) is { } why)
            {
                problems.Add(why);
            }
        }

        if (problems.Count > 0)
        {
            return null;
        }

        return new FormEntry(row.Sheet, row.Row, key, period!.Value, percent, done, figure, narrative.Length == 0 ? null : narrative, files, reporter.Length == 0 ? null : reporter);
    }

    /// <summary>Kept for callers that read a bare number: 1.2万 → 12000; 16,000 → 16000.</summary>
    public static bool TryNumber(string text, out decimal value) => FigureText.TryNumber(text, out value);
}
