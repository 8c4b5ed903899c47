using ClosedXML.Excel;
using PolicyLedger.Reading.Text;
using L = PolicyLedger.Tracking.Forms.ReportFormLayout;

namespace PolicyLedger.Tracking.Forms;

/// <summary>
/// Writes a unit's report form (.xlsx): a title, the unit and period, one row per item with its target and last
/// report, and empty columns to fill. The sheet is protected except the columns to fill.
/// </summary>
public static class ReportFormWriter
{
    /// <summary>The fill of the 事项编号, 任务内容 and 目标 cells of an item a reviewer corrected (its values are the corrected ones).</summary>
    public static readonly XLColor CorrectedFill = XLColor.FromHtml("#DDEBF7");

    public static void Write(ReportForm form, Stream output)
    {
        ArgumentNullException.ThrowIfNull(form);
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add(L.SheetName);
        ws.Cell(L.TitleRow, 1).Value = $"{form.Period.ToChinese()}重点工作进展填报表";
        ws.Range(L.TitleRow, 1, L.TitleRow, L.Headers.Length).Merge().Style.Font.SetBold().Font.SetFontSize(16)
            .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        ws.Cell(L.MetaRow, L.UnitCell - 1).Value = L.UnitLabel;
        ws.Cell(L.MetaRow, L.UnitCell).SetValue(form.Unit);
        ws.Cell(L.MetaRow, L.PeriodCell - 1).Value = L.PeriodLabel;
        ws.Cell(L.MetaRow, L.PeriodCell).SetValue(form.Period.ToString());
        if (form.UnitKey is { } unitKey)
        {
            ws.Cell(L.MetaRow, L.UnitKeyCell - 1).Value = L.UnitKeyLabel;
            ws.Cell(L.MetaRow, L.UnitKeyCell).SetValue(unitKey);
        }
        for (var c = 0; c < L.Headers.Length; c++)
        {
            ws.Cell(L.HeaderRow, c + 1).Value = L.Headers[c];
            ws.Column(c + 1).Width = L.Widths[c];
        }

        ws.Row(L.HeaderRow).Style.Font.SetBold().Fill.SetBackgroundColor(XLColor.LightGray);
        var r = L.FirstDataRow;
        foreach (var item in form.Items)
        {
            ws.Cell(r, L.Key).SetValue(item.ItemKey);
            ws.Cell(r, L.Document).SetValue(SafeText.ExcelCell(item.Document));
            ws.Cell(r, L.Number).SetValue(item.Number);
            ws.Cell(r, L.Text).SetValue(SafeText.ExcelCell(item.Text));
            ws.Cell(r, L.Target).SetValue(SafeText.ExcelCell(item.TargetText));
            if (item.Target is { } t)
            {
                ws.Cell(r, L.TargetValue).SetValue(t);
            }

            if (item.LastDone)
            {
                ws.Cell(r, L.LastPercent).SetValue("已完成");
            }
            else if (item.LastPercent is { } p)
            {
                ws.Cell(r, L.LastPercent).SetValue(p);
            }

            ws.Cell(r, L.LastNarrative).SetValue(SafeText.ExcelCell(item.LastNarrative));
            ws.Cell(r, L.Period).SetValue(form.Period.ToString());
            if (item.Corrected)
            {
                foreach (var c in new[] { L.Key, L.Text, L.Target })
                {
                    ws.Cell(r, c).Style.Fill.SetBackgroundColor(CorrectedFill);
                }
            }

            r++;
        }

        var body = ws.Range(L.HeaderRow, 1, Math.Max(L.HeaderRow, r - 1), L.Headers.Length);
        body.Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        body.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
        if (r > L.FirstDataRow)
        {
            foreach (var c in L.Fill)
            {
                ws.Range(L.FirstDataRow, c, r - 1, c).Style.Protection.SetLocked(false).Fill.SetBackgroundColor(XLColor.LightYellow);
            }

            // 是否完成: a drop-down of 是 and 否; anything else typed is refused by Excel too.
            var done = ws.Range(L.FirstDataRow, L.Done, r - 1, L.Done).SetDataValidation();
            done.List("\"是,否\"", true);
            done.IgnoreBlanks = true;
            done.ErrorStyle = XLErrorStyle.Stop;
            done.ErrorTitle = L.DoneHeader;
            done.ErrorMessage = "请选择“是”或“否”";
            done.ShowErrorMessage = true;
            var percent = ws.Range(L.FirstDataRow, L.Percent, r - 1, L.Percent).SetDataValidation();
            percent.Decimal.Between(0, 100);
            percent.IgnoreBlanks = true;
            percent.ErrorTitle = L.PercentHeader;
            percent.ErrorMessage = "请填写0到100之间的数";
            percent.ShowErrorMessage = true;
        }

        ws.SheetView.FreezeRows(L.HeaderRow);
        ws.Protect().AllowElement(XLSheetProtectionElements.FormatColumns);
        wb.SaveAs(output);
    }

    public static void Write(ReportForm form, string path)
    {
        using var stream = File.Create(path);
        Write(form, stream);
    }
}
