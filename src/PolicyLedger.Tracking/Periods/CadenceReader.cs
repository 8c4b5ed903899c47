using System.Globalization;
using System.Text.RegularExpressions;
using PolicyLedger.Reading.Text;

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

    private static int? ParseDay(string value) => ChineseNumerals.ParseInteger(value) is { } n and >= 1 and <= 31 ? n : null;

    [GeneratedRegex(@"[^。；;！!\n]+", RegexOptions.None, RegexDefaults.TimeoutMilliseconds)]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\s+", RegexOptions.None, RegexDefaults.TimeoutMilliseconds)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"报告|报送|上报|报市|报区|报县|书面报|报进展|报工作", RegexOptions.None, RegexDefaults.TimeoutMilliseconds)]
    private static partial Regex ReportWord();

    [GeneratedRegex(@"每月|按月|逐月|月度|上月|当月|次月", RegexOptions.None, RegexDefaults.TimeoutMilliseconds)]
    private static partial Regex Monthly();

    [GeneratedRegex(@"每季度?|按季度?|季度末|季末|逐季", RegexOptions.None, RegexDefaults.TimeoutMilliseconds)]
    private static partial Regex Quarterly();

    [GeneratedRegex(@"每半年|半年", RegexOptions.None, RegexDefaults.TimeoutMilliseconds)]
    private static partial Regex HalfYearly();

    [GeneratedRegex(@"每年|年底前|年终|年度", RegexOptions.None, RegexDefaults.TimeoutMilliseconds)]
    private static partial Regex Yearly();

    [GeneratedRegex(@"(?:次月|下月|季后(?:首月|第一个月)?|每季度(?:第一个月|首月)|下季度(?:第一个月|首月)|次季度?首月)(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})[日号]", RegexOptions.None, RegexDefaults.TimeoutMilliseconds)]
    private static partial Regex DueDay();
}
