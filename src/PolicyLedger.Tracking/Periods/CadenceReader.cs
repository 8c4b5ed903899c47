using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyLedger.Tracking.Periods;

/// <summary>
/// Reads a document's reporting duty from its text: 每季度末向市政府报告 → quarterly, due at quarter end;
/// 每月 … 报送 → monthly; 次月5日前 → due on the 5th of the next month. Only sentences that speak of reporting
/// (报告, 报送, 上报, 报) are read, so 按月发放补贴 is not a cadence.
/// </summary>
public static partial class CadenceReader
{
    /// <summary>The cadence the text states, or null where it states none.</summary>
    public static ReportingCadence? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match sentence in Sentence().Matches(text))
        {
            var s = Whitespace().Replace(sentence.Value, "");
            if (!ReportWord().IsMatch(s))
            {
                continue;
            }

            PeriodKind? kind =
                Quarterly().IsMatch(s) ? PeriodKind.Quarter :
                HalfYearly().IsMatch(s) ? PeriodKind.Half :
                Monthly().IsMatch(s) ? PeriodKind.Month :
                Yearly().IsMatch(s) ? PeriodKind.Year : null;
            if (kind is null)
            {
                continue;
            }

            int? due = null;
            var d = DueDay().Match(s);
            if (d.Success)
            {
                due = ParseDay(d.Groups["d"].Value);
            }

            return new ReportingCadence(kind.Value, due, s);
        }

        return null;
    }

    /// <summary>What the text says, else <see cref="ReportingCadence.Default"/>.</summary>
    public static ReportingCadence ReadOrDefault(string text) => Read(text) ?? ReportingCadence.Default;

    private static int? ParseDay(string value)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n is >= 1 and <= 31 ? n : null;
        }

        const string digits = "〇一二三四五六七八九";
        var total = 0;
        var current = 0;
        foreach (var c in value)
        {
            var i = digits.IndexOf(c, StringComparison.Ordinal);
            if (i >= 0)
            {
                current = i;
            }
            else if (c == '十')
            {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
        }

        total += current;
        return total is >= 1 and <= 31 ? total : null;
    }

    [GeneratedRegex(@"[^。；;！!\n]+")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"报告|报送|上报|报市|报区|报县|书面报|报进展|报工作")]
    private static partial Regex ReportWord();

    [GeneratedRegex(@"每月|按月|逐月|月度|上月|当月|次月")]
    private static partial Regex Monthly();

    [GeneratedRegex(@"每季度?|按季度?|季度末|季末|逐季")]
    private static partial Regex Quarterly();

    [GeneratedRegex(@"每半年|半年")]
    private static partial Regex HalfYearly();

    [GeneratedRegex(@"每年|年底前|年终|年度")]
    private static partial Regex Yearly();

    [GeneratedRegex(@"(?:次月|下月|季后(?:首月|第一个月)?|每季度(?:第一个月|首月)|下季度(?:第一个月|首月)|次季度?首月)(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})[日号]")]
    private static partial Regex DueDay();
}
