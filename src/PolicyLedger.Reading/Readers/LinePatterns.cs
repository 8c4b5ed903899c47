using System.Globalization;
using System.Text.RegularExpressions;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>
/// The patterns of whole lines in the head and back matter of an official document (GB/T 9704), all on folded
/// lines (whitespace inside CJK text removed). Every pattern is anchored and runs with a timeout.
/// </summary>
internal static partial class LinePatterns
{
    private const int Timeout = RegexLimits.TimeoutMilliseconds;

    /// <summary>发文字号: 济管〔2023〕19号, 豫政〔2022〕41号, 国办发[2023]5号.</summary>
    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,12}[〔\[［【(（]\d{4}[〕\]］】)）]\d{1,4}号$", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex DocNumberLine();

    /// <summary>A 发文字号 inside running text.</summary>
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,12}[〔\[［【]\d{4}[〕\]］】]\d{1,4}号", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex DocNumberInText();

    /// <summary>A date written with digits or Chinese numerals: 2023年1月19日, 二〇二三年一月十九日.</summary>
    [GeneratedRegex(@"(?<y>\d{4}|[〇○零一二三四五六七八九]{4})年(?<m>\d{1,2}|[一二三四五六七八九十]{1,2})月(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})日", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex Date();

    /// <summary>印发 line: 青石新区管理委员会办公室2023年1月19日印发.</summary>
    [GeneratedRegex(@"^(?<by>\S*?)(?<date>\d{4}年\d{1,2}月\d{1,2}日)印发$", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex PrintedLine();

    /// <summary>主办：X 督办：Y.</summary>
    [GeneratedRegex(@"^主办[：:](?<s>.+?)(?:督办[：:](?<v>.+))?$", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex SponsorLine();

    /// <summary>A contents line's page leader: "..... 15".</summary>
    [GeneratedRegex(@"^[.．。…·\-—\s]*\d{1,4}$", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex TocLeader();

    public static bool IsDocNumber(string line) => line.Length <= 30 && DocNumberLine().IsMatch(line);

    public static bool IsRedHeader(string line) =>
        line.Length is > 4 and <= 30 && line.EndsWith("文件", StringComparison.Ordinal) && !line.Contains('。') && !line.Contains('，');

    /// <summary>A line that is nothing but a date (成文日期).</summary>
    public static DateOnly? StandaloneDate(string line)
    {
        if (line.Length is < 8 or > 16)
        {
            return null;
        }

        var m = Date().Match(line);
        return m.Success && m.Index == 0 && m.Length == line.Length ? ToDate(m) : null;
    }

    public static DateOnly? ToDate(Match m)
    {
        var y = Number(m.Groups["y"].Value);
        var mo = Number(m.Groups["m"].Value);
        var d = Number(m.Groups["d"].Value);
        if (y is null || mo is null || d is null || mo is < 1 or > 12 || y is < 1900 or > 2200)
        {
            return null;
        }

        return d >= 1 && d <= DateTime.DaysInMonth(y.Value, mo.Value) ? new DateOnly(y.Value, mo.Value, d.Value) : null;
    }

    private static int? Number(string s) =>
        s.Length > 0 && char.IsAsciiDigit(s[0]) ? int.Parse(s, CultureInfo.InvariantCulture) : ChineseNumerals.Parse(s);

    /// <summary>Names of organs end like this: 政府, 委员会, 办公室, 局 ….</summary>
    public static bool LooksLikeOrgan(string line) =>
        line.Length is >= 3 and <= 30
        && !line.Contains('。') && !line.Contains('，') && !line.Contains('：') && !line.Contains(':') && !line.Contains("关于", StringComparison.Ordinal)
        && (line.EndsWith("政府", StringComparison.Ordinal) || line.EndsWith("委员会", StringComparison.Ordinal)
            || line.EndsWith("办公室", StringComparison.Ordinal) || line.EndsWith("办公厅", StringComparison.Ordinal)
            || line.EndsWith("管委会", StringComparison.Ordinal) || line.EndsWith('局') || line.EndsWith('委')
            || line.EndsWith('厅') || line.EndsWith('部') || line.EndsWith("中心", StringComparison.Ordinal)
            || line.EndsWith("处", StringComparison.Ordinal) || line.EndsWith("院", StringComparison.Ordinal));

    /// <summary>The kinds of document a title may end with (文种).</summary>
    public static readonly string[] DocumentKinds =
    [
        "通知", "通报", "意见", "决定", "批复", "报告", "请示", "函", "办法", "方案", "规定", "公告", "通告", "纪要", "规划",
        "细则", "措施", "要点", "计划", "决议", "命令", "令", "议案",
    ];

    public static string? KindOf(string title)
    {
        foreach (var kind in DocumentKinds)
        {
            if (title.EndsWith(kind, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>Ends like the end of a sentence or a closed clause.</summary>
    public static bool EndsSentence(string line) =>
        line.Length > 0 && line[^1] is '。' or '；' or ';' or '！' or '？' or '）' or ')' or '”' or '.' or ':' or '：';
}
