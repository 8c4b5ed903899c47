using System.Globalization;
using ClosedXML.Excel;

namespace PolicyLedger.Tracking.Forms;

/// <summary>
/// The text of a form cell as a person sees it. A formula cell gives the value Excel saved with it (its cached
/// value); a formula with no saved value, or whose value is an error (#DIV/0!, #REF!), is a problem naming the
/// formula, never evaluated here and never silently empty. Dates and numbers come out in invariant form.
/// </summary>
internal static class CellValue
{
    public static (string Text, string? Problem) Of(IXLCell cell, SavedFormulaValues saved)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(saved);
        if (cell.HasFormula)
        {
            // Never cell.Value or cell.CachedValue: ClosedXML evaluates a formula without a saved value, and a
            // circular one recurses until the stack overflows (SavedFormulaValues).
            var formula = cell.FormulaA1;
            var value = saved.Of(cell.Worksheet.Name, cell.Address.ToStringRelative());
            var text = value.Text is not { } raw ? ""
                : value.IsBoolean ? raw == "1" ? "是" : "否"
                : !value.IsError && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Abs(d) < 7.9e27 ? ((decimal)d).ToString(CultureInfo.InvariantCulture)
                : raw.Trim();
            if (text.Length == 0)
            {
                return ("", $"是公式“={formula}”，文件中没有保存计算结果：请在 Excel 中打开并保存后再导入，或直接填写数值");
            }

            if (value.IsError || IsError(text))
            {
                return ("", $"是公式“={formula}”，其结果为错误值 {text}");
            }

            return (text, null);
        }

        return cell.DataType switch
        {
            XLDataType.Number when cell.TryGetValue<double>(out var d) => (((decimal)d).ToString(CultureInfo.InvariantCulture), null),
            XLDataType.DateTime when cell.TryGetValue<DateTime>(out var t) => (t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null),
            XLDataType.Boolean when cell.TryGetValue<bool>(out var b) => (b ? "是" : "否", null),
            _ => ((cell.GetString() ?? "").Trim(), null),
        };
    }

    private static bool IsError(string text) =>
        text is "#NULL!" or "#DIV/0!" or "#VALUE!" or "#REF!" or "#NAME?" or "#NUM!" or "#N/A" or "#GETTING_DATA" or "#SPILL!" or "#CALC!";
}
