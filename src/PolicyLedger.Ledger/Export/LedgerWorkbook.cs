using ClosedXML.Excel;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Reading.Text;
using PolicyLedger.Reading.Units;
using PolicyLedger.Ledger.Queries;

namespace PolicyLedger.Ledger.Export;

/// <summary>Progress and status of an item, when the ledger tracks them (empty columns otherwise).</summary>
public sealed record ItemStatus(string? Progress, string? Status);

/// <summary>
/// Writes the ledger as a workbook: one sheet per document in the usual 台账 layout (a title row, then 序号, 任务内容,
/// 牵头单位, 责任单位, 配合单位, 目标与数量, 时限, 进展, 状态, 事项编号, 校对; header frozen, text wrapped; cells a
/// reviewer corrected filled light yellow, the 校对 cell saying what was read and who changed it), and a 责任矩阵 sheet
/// (unit × lead/responsible/cooperating item counts).
/// </summary>
public static class LedgerWorkbook
{
    public static readonly string[] Header = ["序号", "任务内容", "牵头单位", "责任单位", "配合单位", "目标与数量", "时限", "进展", "状态", "事项编号", "校对"];

    private static readonly double[] Widths = [8, 64, 22, 28, 28, 26, 18, 24, 10, 24, 40];

    /// <summary>The fill of a cell whose value a reviewer corrected (the 校对 column says what it was).</summary>
    public static readonly XLColor CorrectedFill = XLColor.FromHtml("#FFF2CC");

    public const string MatrixSheet = "责任矩阵";

    /// <summary>The row of the first task on a document sheet (row 1 is the title, row 2 the header).</summary>
    public const int FirstDataRow = 3;

    /// <param name="statusOf">进展 and 状态 of a row, where progress is tracked.</param>
    public static void Write(string path, IReadOnlyList<LedgerRow> rows, IReadOnlyList<UnitReport> units, Func<LedgerRow, ItemStatus?>? statusOf = null)
    {
        using var workbook = new XLWorkbook();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { MatrixSheet };
        foreach (var document in rows.GroupBy(r => r.DocumentId))
        {
            var first = document.First();
            var sheet = workbook.Worksheets.Add(SheetName(first.Document, names));
            WriteDocument(sheet, first, document.ToList(), statusOf);
        }

        WriteMatrix(workbook.Worksheets.Add(MatrixSheet), units);
        if (workbook.Worksheets.Count > 0)
        {
            workbook.Worksheet(1).SetTabActive();
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // Write beside and move, so a failed export never leaves a half-written workbook under the asked name.
        var temporary = path + ".tmp.xlsx";
        workbook.SaveAs(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    private static void WriteDocument(IXLWorksheet sheet, LedgerRow first, IReadOnlyList<LedgerRow> rows, Func<LedgerRow, ItemStatus?>? statusOf)
    {
        var title = first.Title is { } t && t != first.Document ? $"{first.Document} {t} 任务台账" : $"{first.Document} 任务台账";
        sheet.Cell(1, 1).SetValue(SafeText.ExcelCell(title));
        var titleRange = sheet.Range(1, 1, 1, Header.Length);
        titleRange.Merge();
        titleRange.Style.Font.Bold = true;
        titleRange.Style.Font.FontSize = 14;
        titleRange.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;

        for (var c = 0; c < Header.Length; c++)
        {
            sheet.Cell(2, c + 1).Value = Header[c];
            sheet.Column(c + 1).Width = Widths[c];
        }

        var header = sheet.Range(2, 1, 2, Header.Length);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.LightGray;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;

        var r = FirstDataRow;
        foreach (var row in rows)
        {
            var status = statusOf?.Invoke(row);
            string[] values =
            [
                row.Item,
                row.Text,
                string.Join("、", row.Lead),
                string.Join("、", row.Responsible),
                string.Join("、", row.Cooperating),
                string.Join("；", row.Quantities),
                row.Deadline?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Join("；", row.Times),
                status?.Progress ?? string.Empty,
                status?.Status ?? string.Empty,
                row.Key,
                CorrectionNote(row.Changes),
            ];
            for (var c = 0; c < values.Length; c++)
            {
                // Text cells, always: a 序号 like "12" or a deadline must not turn into a number or a date. Text a
                // cell cannot hold (over 32 767 characters, XML-invalid controls) is cut with a mark or made visible.
                sheet.Cell(r, c + 1).SetValue(SafeText.ExcelCell(values[c]));
            }

            foreach (var column in CorrectedColumns(row.Changes))
            {
                sheet.Cell(r, column).Style.Fill.BackgroundColor = CorrectedFill;
            }

            r++;
        }

        var table = sheet.Range(2, 1, Math.Max(2, r - 1), Header.Length);
        table.Style.Alignment.WrapText = true;
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        sheet.SheetView.FreezeRows(2);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.SetRowsToRepeatAtTop(2, 2);
    }

    /// <summary>What the reviewers changed in a row, for its 校对 cell: field, before → after, who, when, why.</summary>
    public static string CorrectionNote(IReadOnlyList<ItemChange> changes) => string.Join("；", changes.Select(c =>
        $"{CorrectionRecord.FieldChinese(c.Field)}：{Short(c.Before) ?? "无"} → {Short(c.After) ?? "无"}（{c.By} {CorrectionFile.Time(c.At)[..10]}{(c.Why is null ? string.Empty : "，" + c.Why)}）"));

    private static string? Short(string? text) => string.IsNullOrEmpty(text) ? null : text.Length <= 30 ? text : text[..29] + "…";

    /// <summary>The columns (1-based) whose values the changes corrected; the 序号 and 校对 cells of a corrected row are marked too.</summary>
    public static IReadOnlyList<int> CorrectedColumns(IReadOnlyList<ItemChange> changes)
    {
        if (changes.Count == 0)
        {
            return [];
        }

        var columns = new SortedSet<int> { 1, Header.Length };
        foreach (var c in changes)
        {
            switch (c.Field)
            {
                case "lead" or "add-lead": columns.Add(3); break;
                case "responsible" or "add-responsible": columns.Add(4); break;
                case "cooperating" or "add-cooperating": columns.Add(5); break;
                case "remove": columns.UnionWith([3, 4, 5]); break;
                case "target": columns.Add(6); break;
                case "deadline": columns.Add(7); break;
                default: columns.Add(2); break;
            }
        }

        return columns.ToList();
    }

    private static void WriteMatrix(IXLWorksheet sheet, IReadOnlyList<UnitReport> units)
    {
        string[] header = ["单位", "辖区", "类别", "牵头", "责任", "配合", "合计"];
        double[] widths = [32, 16, 12, 8, 8, 8, 8];
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = header[c];
            sheet.Column(c + 1).Width = widths[c];
        }

        sheet.Range(1, 1, 1, header.Length).Style.Font.Bold = true;
        sheet.Range(1, 1, 1, header.Length).Style.Fill.BackgroundColor = XLColor.LightGray;
        var r = 2;
        foreach (var unit in units)
        {
            sheet.Cell(r, 1).SetValue(SafeText.ExcelCell(unit.Unit));
            sheet.Cell(r, 2).SetValue(SafeText.ExcelCell(unit.Jurisdiction));
            sheet.Cell(r, 3).SetValue(KindName(unit.Kind));
            sheet.Cell(r, 4).SetValue(unit.Leads);
            sheet.Cell(r, 5).SetValue(unit.Responsible);
            sheet.Cell(r, 6).SetValue(unit.Cooperates);
            sheet.Cell(r, 7).SetValue(unit.Leads + unit.Responsible + unit.Cooperates);
            r++;
        }

        var table = sheet.Range(1, 1, Math.Max(1, r - 1), header.Length);
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Alignment.WrapText = true;
        sheet.SheetView.FreezeRows(1);
    }

    public static string KindName(UnitKind kind) => kind switch
    {
        UnitKind.Department => "部门",
        UnitKind.Collective => "集合",
        UnitKind.OutsideBody => "驻地单位",
        UnitKind.Company => "企业",
        UnitKind.PartyOrgan => "党委部门",
        UnitKind.Government => "政府",
        UnitKind.MassOrganization => "人民团体",
        _ => "其他",
    };

    /// <summary>A sheet name Excel accepts (≤ 31 characters, none of : \ / ? * [ ]) and unique in the workbook.</summary>
    public static string SheetName(string wanted, ISet<string> taken)
    {
        var clean = new string(SafeText.Xml(wanted).Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '_' : c).ToArray()).Trim('\'', ' ');
        if (clean.Length == 0)
        {
            clean = "文件";
        }

        clean = clean.Length > 31 ? clean[..31] : clean;
        var name = clean;
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = $"({n})";
            name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return name;
    }
}
