using System.Globalization;
using PolicyLedger.Reading.Quantities;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Tracking.Forms;

/// <summary>
/// A figure as people write it in a form or on the command line, read with the reading library's quantity reader:
/// "30家", "1.2万", "16,000", "3.5亿元", "85%". A bare number (with 万/亿) is taken in the target's unit; a
/// figure with a measure word or currency must be in the target's unit ("30个" against "25家" is refused).
/// </summary>
public static class FigureText
{
    /// <summary>The figure's value in the target's unit (万/亿 multiplied out), or why it cannot be read.</summary>
    public static (decimal? Value, string? Problem) Read(string text, string? targetUnit)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (TryNumber(t, out var plain))
        {
            return (plain, null);
        }

        IReadOnlyList<Quantity> found;
        try
        {
            found = QuantityReader.Read(t);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            found = [];
        }

        if (found.Count != 1 || found[0].Text.Length < t.TrimEnd('。', '.', ' ').Length)
        {
            return (null, $"完成数值“{text}”不是一个数量（可写 30家、1.2万、16,000 或 3.5亿元）");
        }

        var q = found[0];
        if (q.Kind == QuantityKind.Percent)
        {
            return (null, $"完成数值“{text}”是百分比：完成进度请填在“完成进度(%)”列");
        }

        if (!string.IsNullOrEmpty(targetUnit) && !string.IsNullOrEmpty(q.Unit) && !SameUnit(q.Unit, targetUnit))
        {
            return (null, $"完成数值“{text}”的单位“{q.Unit}”与目标的单位“{targetUnit}”不符");
        }

        return (q.Value, null);
    }

    /// <summary>A bare number: 1.2万 → 12000; 16,000 → 16000; 3亿 → 300000000; full-width digits allowed.</summary>
    public static bool TryNumber(string text, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Normalize(System.Text.NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal).Trim();
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

        if (t.Length > 0 && t.Length <= 29 && decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            try
            {
                value = v * factor;
                return true;
            }
            catch (OverflowException)
            {
            }
        }

        value = 0;
        return false;
    }

    private static bool SameUnit(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal) || (a is "元" or "万元" or "亿元" && b is "元" or "万元" or "亿元");
}
