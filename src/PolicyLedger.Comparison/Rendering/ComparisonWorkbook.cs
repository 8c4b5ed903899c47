using ClosedXML.Excel;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Comparison.Rendering;

/// <summary>
/// A comparison as a workbook people filter and annotate. Two documents: sheet 对比 with one row per pair (A 条目,
/// A 内容, 关系, 数字差异, B 条目, B 内容, 相似度), then one row per item found on one side only; the differing figures
/// are red and bold inside the texts (rich text). Three or more: sheet 多文对比 with one row per measure and, per
/// document, its items, their relation to the row's first holder and their text.
/// </summary>
public static class ComparisonWorkbook
{
    public const string PairSheet = "对比";

    public const string MultiSheet = "多文对比";

    public static readonly string[] PairHeader = ["A 条目", "A 内容", "关系（B 相对 A）", "数字差异", "B 条目", "B 内容", "相似度"];

    /// <summary>The row of the first pair (row 1 is the title, row 2 the summary, row 3 the header).</summary>
    public const int FirstDataRow = 4;

    private static readonly XLColor MarkColor = XLColor.FromHtml("#C00000");

    public static void Write(Stream stream, PairwiseComparison comparison)
    {
        using var workbook = new XLWorkbook();
        Fill(workbook, comparison);
        workbook.SaveAs(stream);
    }

    public static void Write(Stream stream, MultiComparison comparison)
    {
        using var workbook = new XLWorkbook();
        Fill(workbook, comparison);
        workbook.SaveAs(stream);
    }

    private static void Fill(XLWorkbook workbook, PairwiseComparison c)
    {
        var sheet = workbook.Worksheets.Add(PairSheet);
        Title(sheet, $"A：{Labels.Document(c.A)}　B：{Labels.Document(c.B)}", Summary.Of(c), PairHeader, [8, 60, 12, 30, 10, 60, 8]);
        var r = FirstDataRow;
        foreach (var p in c.Pairs)
        {
            sheet.Cell(r, 1).SetValue(Labels.Item(p.A));
            Rich(sheet.Cell(r, 2), [(p.A, TextMarks.OfA(p.Differences).ToList())]);
            sheet.Cell(r, 3).SetValue(Labels.Chinese(p.Relation));
            sheet.Cell(r, 4).SetValue(string.Join("\n", p.Differences.Select(Labels.Difference)));
            sheet.Cell(r, 5).SetValue(Labels.Items(p.B));
            Rich(sheet.Cell(r, 6), p.B.Select(b => (b, TextMarks.OfB(p.Differences, b).ToList())).ToList());
            sheet.Cell(r, 7).SetValue(Math.Round(p.Score, 2));
            if (p.Relation == Relation.ChangedFigure)
            {
                sheet.Cell(r, 3).Style.Font.FontColor = MarkColor;
            }

            r++;
        }

        foreach (var a in c.OnlyInA)
        {
            sheet.Cell(r, 1).SetValue(Labels.Item(a));
            sheet.Cell(r, 2).SetValue(ComparedDocument.TextOf(a));
            sheet.Cell(r, 3).SetValue(Labels.OnlyInA);
            r++;
        }

        foreach (var b in c.OnlyInB)
        {
            sheet.Cell(r, 3).SetValue(Labels.OnlyInB);
            sheet.Cell(r, 5).SetValue(Labels.Item(b));
            sheet.Cell(r, 6).SetValue(ComparedDocument.TextOf(b));
            r++;
        }

        Grid(sheet, r - 1, PairHeader.Length);
    }

    private static void Fill(XLWorkbook workbook, MultiComparison c)
    {
        var sheet = workbook.Worksheets.Add(MultiSheet);
        var header = new List<string> { "措施" };
        var widths = new List<double> { 6 };
        foreach (var d in c.Documents)
        {
            header.AddRange([$"{d.Name} 条目", $"{d.Name} 关系", $"{d.Name} 内容"]);
            widths.AddRange([8, 10, 48]);
        }

        Title(sheet, "多文对比：" + string.Join("　", c.Documents.Select(Labels.Document)), Summary.Of(c), [.. header], [.. widths]);
        var r = FirstDataRow;
        foreach (var row in c.Rows)
        {
            sheet.Cell(r, 1).SetValue(r - FirstDataRow + 1);
            var originMarks = row.Cells.SelectMany(cell => TextMarks.OfA(cell.Differences)).ToList();
            for (var k = 0; k < row.Cells.Count; k++)
            {
                var cell = row.Cells[k];
                var column = 2 + (3 * k);
                if (!cell.Has)
                {
                    sheet.Cell(r, column + 1).SetValue(Labels.Missing);
                    continue;
                }

                sheet.Cell(r, column).SetValue(Labels.Items(cell.Items));
                var relation = cell.Relation is { } rel ? Labels.Chinese(rel) : k == 0 ? "参照" : "首见";
                if (cell.Differences.Count > 0)
                {
                    relation += "\n" + string.Join("\n", cell.Differences.Select(Labels.Difference));
                }

                sheet.Cell(r, column + 1).SetValue(relation);
                Rich(sheet.Cell(r, column + 2), cell.Items.Select(i => (i, k == row.Origin ? originMarks : TextMarks.OfB(cell.Differences, i).ToList())).ToList());
            }

            r++;
        }

        Grid(sheet, r - 1, header.Count);
    }

    private static void Title(IXLWorksheet sheet, string title, string summary, string[] header, double[] widths)
    {
        sheet.Cell(1, 1).SetValue(title);
        sheet.Range(1, 1, 1, header.Length).Merge().Style.Font.SetBold().Font.SetFontSize(14);
        sheet.Cell(2, 1).SetValue(summary);
        sheet.Range(2, 1, 2, header.Length).Merge();
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(3, c + 1).SetValue(header[c]);
            sheet.Column(c + 1).Width = widths[c];
        }

        var head = sheet.Range(3, 1, 3, header.Length);
        head.Style.Font.Bold = true;
        head.Style.Fill.BackgroundColor = XLColor.LightGray;
        head.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
    }

    private static void Grid(IXLWorksheet sheet, int lastRow, int columns)
    {
        var table = sheet.Range(3, 1, Math.Max(3, lastRow), columns);
        table.Style.Alignment.WrapText = true;
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        sheet.SheetView.FreezeRows(3);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.SetRowsToRepeatAtTop(3, 3);
    }

    /// <summary>The texts of <paramref name="items"/> in one cell, their differing figures red and bold; several items each start with their number.</summary>
    private static void Rich(IXLCell cell, IReadOnlyList<(PolicyItem Item, List<Figures.Figure> Marks)> items)
    {
        if (items.All(i => i.Marks.Count == 0) && items.Count <= 1)
        {
            // Nothing to mark: a plain text cell (an empty rich text would not be valid Open XML).
            cell.SetValue(items.Count == 0 ? string.Empty : ComparedDocument.TextOf(items[0].Item));
            return;
        }

        var text = cell.RichText;
        for (var k = 0; k < items.Count; k++)
        {
            if (k > 0)
            {
                text.AddText("\n");
            }

            if (items.Count > 1)
            {
                text.AddText(Labels.Item(items[k].Item) + "　");
            }

            foreach (var piece in TextMarks.Pieces(items[k].Item, items[k].Marks))
            {
                var run = text.AddText(piece.Text);
                if (piece.Marked)
                {
                    run.SetBold().SetFontColor(MarkColor);
                }
            }
        }
    }
}
