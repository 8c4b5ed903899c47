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
    public static (string Text, string? Problem) Of(IXLCell cell)
    {
        if (cell.HasFormula)
        {
            var formula = cell.FormulaA1;
            var cached = cell.CachedValue;
            var text = cached switch
            {
                null => "",
                double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
                DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                bool b => b ? "是" : "否",
                _ => Convert.ToString(cached, CultureInfo.InvariantCulture)?.Trim() ?? "",
            };
            if (text.Length == 0)
            {
                return ("", $"是公式“={formula}”，文件中没有保存计算结果：请在 Excel 中打开并保存后再导入，或直接填写数值");
            }

            if (IsError(text))
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
