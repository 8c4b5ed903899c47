using System.Globalization;
using ClosedXML.Excel;
using PolicyLedger.Tracking.Periods;
using L = PolicyLedger.Tracking.Forms.ReportFormLayout;

namespace PolicyLedger.Tracking.Forms;

/// <summary>
/// Reads a filled report form back. Every row is checked: unknown item, item of another unit, percent outside
/// 0–100 or not a number, figure not a number, wrong period, 是否完成 not 是/否. A bad row is rejected with its
/// sheet, row and reason; the good ones are returned; rows with nothing filled are counted as blank. Never throws
/// on a bad row; a file that is not a form at all gives one rejection at row 0.
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
        try
        {
            wb = new XLWorkbook(input);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or FormatException or InvalidOperationException or System.Xml.XmlException)
        {
            return new FormReadResult(null, null, [], [new FormRejection("(file)", 0, "not an .xlsx workbook: " + e.Message)], 0);
        }

        using (wb)
        {
            if (!wb.TryGetWorksheet(L.SheetName, out var ws))
            {
                return new FormReadResult(null, null, [], [new FormRejection("(file)", 0, $"no sheet named {L.SheetName}: not a report form")], 0);
            }

            var unit = Text(ws.Cell(L.MetaRow, L.UnitCell));
            ReportingPeriod? formPeriod = ReportingPeriod.TryParse(Text(ws.Cell(L.MetaRow, L.PeriodCell)), out var fp) ? fp : null;
            var period = expected ?? formPeriod;
            var entries = new List<FormEntry>();
            var rejected = new List<FormRejection>();
            var blank = 0;
            if (expected is { } e && formPeriod is { } f && e != f)
            {
                rejected.Add(new FormRejection(ws.Name, L.MetaRow, $"wrong period: the form is for {f}, expected {e}"));
                return new FormReadResult(unit, formPeriod, [], rejected, 0);
            }

            var last = ws.LastRowUsed()?.RowNumber() ?? 0;
            for (var r = L.FirstDataRow; r <= last; r++)
            {
                var row = ReadRow(ws, r, unit, period, catalog, out var reason);
                if (reason is not null)
                {
                    rejected.Add(new FormRejection(ws.Name, r, reason));
                }
                else if (row is null)
                {
                    blank++;
                }
                else
                {
                    entries.Add(row);
                }
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var dup in entries.Where(x => !seen.Add(x.ItemKey)).ToList())
            {
                entries.Remove(dup);
                rejected.Add(new FormRejection(dup.Sheet, dup.Row, $"item {dup.ItemKey} appears twice in the form"));
            }

            return new FormReadResult(unit, period, entries, rejected.OrderBy(x => x.Row).ToList(), blank);
        }
    }

    public static FormReadResult Read(string path, IFormCatalog catalog, ReportingPeriod? expected = null)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, catalog, expected);
    }

    private static FormEntry? ReadRow(IXLWorksheet ws, int r, string unit, ReportingPeriod? period, IFormCatalog catalog, out string? reason)
    {
        reason = null;
        var key = Text(ws.Cell(r, L.Key));
        var percentText = Text(ws.Cell(r, L.Percent));
        var doneText = Text(ws.Cell(r, L.Done));
        var figureText = Text(ws.Cell(r, L.Figure));
        var narrative = Text(ws.Cell(r, L.Narrative));
        var evidence = Text(ws.Cell(r, L.Evidence));
        var reporter = Text(ws.Cell(r, L.Reporter));
        var filled = percentText.Length + doneText.Length + figureText.Length + narrative.Length + evidence.Length > 0;
        if (!filled)
        {
            return null;
        }

        if (key.Length == 0)
        {
            reason = "no item number (事项编号) in a filled row";
            return null;
        }

        var units = catalog.UnitsOf(key);
        if (units is null)
        {
            reason = $"unknown item {key}";
            return null;
        }

        if (unit.Length > 0 && !units.Contains(unit))
        {
            reason = $"item {key} is not {unit}'s: it belongs to {string.Join("、", units)}";
            return null;
        }

        var rowPeriodText = Text(ws.Cell(r, L.Period));
        if (period is null)
        {
            reason = "no period: the form names none";
            return null;
        }

        if (rowPeriodText.Length > 0 && (!ReportingPeriod.TryParse(rowPeriodText, out var rp) || rp != period))
        {
            reason = $"wrong period {rowPeriodText}: the form is for {period}";
            return null;
        }

        decimal? percent = null;
        if (percentText.Length > 0)
        {
            if (!TryNumber(percentText.TrimEnd('%', '％'), out var p))
            {
                reason = $"percent '{percentText}' is not a number";
                return null;
            }

            if (p is < 0 or > 100)
            {
                reason = $"percent {p.ToString(CultureInfo.InvariantCulture)} is outside 0–100";
                return null;
            }

            percent = p;
        }

        var done = false;
        if (doneText.Length > 0)
        {
            if (doneText is "是" or "已完成" or "完成" or "Y" or "y" or "yes" or "true")
            {
                done = true;
            }
            else if (doneText is not ("否" or "未完成" or "N" or "n" or "no" or "false"))
            {
                reason = $"是否完成 '{doneText}' is neither 是 nor 否";
                return null;
            }
        }

        decimal? figure = null;
        if (figureText.Length > 0)
        {
            if (!TryNumber(figureText, out var v))
            {
                reason = $"figure '{figureText}' is not a number";
                return null;
            }

            figure = v;
        }

        var files = evidence.Split(['；', ';', '\n', '，', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new FormEntry(ws.Name, r, key, period.Value, percent, done, figure, narrative.Length == 0 ? null : narrative, files, reporter.Length == 0 ? null : reporter);
    }

    /// <summary>1.2万 → 12000; 16,000 → 16000; 50 → 50.</summary>
    public static bool TryNumber(string text, out decimal value)
    {
        var t = text.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal).Trim();
        var factor = 1m;
        if (t.EndsWith('万'))
        {
            factor = 10000m;
            t = t[..^1];
        }
        else if (t.EndsWith('亿'))
        {
            factor = 100000000m;
            t = t[..^1];
        }

        if (decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
        {
            value = v * factor;
            return true;
        }

        value = 0;
        return false;
    }

    private static string Text(IXLCell cell)
    {
        if (cell.DataType == XLDataType.Number && cell.TryGetValue<double>(out var d))
        {
            return ((decimal)d).ToString(CultureInfo.InvariantCulture);
        }

        return (cell.GetString() ?? "").Trim();
    }
}
