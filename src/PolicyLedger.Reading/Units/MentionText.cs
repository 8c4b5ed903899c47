using System.Text;
using System.Text.RegularExpressions;

namespace PolicyLedger.Reading.Units;

/// <summary>Cleans a unit mention for comparison: no whitespace, one bracket style, no list punctuation at its ends.</summary>
internal static partial class MentionText
{
    public static string Clean(string mention)
    {
        var sb = new StringBuilder(mention.Length);
        foreach (var c in mention)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF')
            {
                continue;
            }

            sb.Append(c switch
            {
                '(' or '〔' or '[' or '【' or '［' or '｛' => '（',
                ')' or '〕' or ']' or '】' or '］' or '｝' => '）',
                _ => c,
            });
        }

        var text = sb.ToString().Trim('、', '，', ',', '。', '；', ';', '：', ':', '.', '等');

        // "…等相关单位" closes a list, it names no unit: 市管国有企业等相关单位 is 市管国有企业.
        // A description after 等 (消防大队等负有安全管理职责的部门) is kept whole.
        foreach (var tail in ListTails)
        {
            if (text.Length > tail.Length + 1 && text.EndsWith(tail, StringComparison.Ordinal))
            {
                return text[..^tail.Length];
            }
        }

        return text;
    }

    private static readonly string[] ListTails = ["等相关单位", "等有关单位", "等相关部门", "等有关部门", "等单位", "等部门"];

    /// <summary>Splits a closing bracketed second name off: 发展改革和统计局（商务局） → (发展改革和统计局, 商务局).
    /// A bracket inside the name (各县（市、区）政府) or one that lists several places stays.</summary>
    public static (string Main, string? Second) SplitSecondName(string clean)
    {
        var m = SecondNamePattern().Match(clean);
        return m.Success ? (m.Groups["main"].Value, m.Groups["second"].Value) : (clean, null);
    }

    /// <summary>The comparison form of a name: 和 removed, a closing 委员会 written 委 (发展和改革委员会 → 发展改革委).</summary>
    public static string Compact(string name)
    {
        var s = name.Replace("和", string.Empty, StringComparison.Ordinal);
        return s.EndsWith("委员会", StringComparison.Ordinal) ? s[..^3] + "委" : s;
    }

    [GeneratedRegex("^(?<main>.*[^（）])（(?<second>[^（）、，]+)）$")]
    private static partial Regex SecondNamePattern();
}
