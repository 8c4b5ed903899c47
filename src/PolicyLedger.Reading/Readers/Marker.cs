using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>The kinds of number marks that open headings and items, outermost first.</summary>
internal enum MarkerKind
{
    /// <summary>第一章 / 第一部分.</summary>
    Chapter,

    /// <summary>一、.</summary>
    Section,

    /// <summary>（一）.</summary>
    Subsection,

    /// <summary>主要任务： / 主要任务一：.</summary>
    Task,

    /// <summary>1. / 1． / 1、.</summary>
    Numbered,

    /// <summary>第一条.</summary>
    Article,

    /// <summary>（1）.</summary>
    ParenNumbered,

    /// <summary>A bullet without a number: ——, ●, ■, ◆, •. Its number is 0; items so marked are counted in the document.</summary>
    Bullet,

    /// <summary>一是 / 二是 opening a line.</summary>
    Enumerated,
}

/// <summary>A number mark at the start of a line: its kind, its number, how many characters it takes, and its normal form.</summary>
/// <param name="Ambiguous">The mark is followed by a digit ("8．2023年…", "79.6月底前…"), so it may be a decimal
/// number broken onto a new line; it opens an item only where the numbering expects it.</param>
internal sealed record Marker(MarkerKind Kind, int Number, int Length, string Written, bool Ambiguous = false)
{
    /// <summary>Nesting depth used to build heading paths (smaller is outer).</summary>
    public int Level => LevelOf(Kind);

    public static int LevelOf(MarkerKind kind) => kind switch
    {
        MarkerKind.Chapter => 0,
        MarkerKind.Section => 1,
        MarkerKind.Subsection => 2,
        MarkerKind.Task => 3,
        MarkerKind.Numbered => 3,
        MarkerKind.Article => 3,
        MarkerKind.ParenNumbered => 4,
        MarkerKind.Bullet => 5,
        MarkerKind.Enumerated => 6,
        _ => 7,
    };

    /// <summary>The mark as a heading shows it: "一、", "（一）", "1.", "（1）", "第一条", "主要任务一".</summary>
    public string Normal => Kind switch
    {
        MarkerKind.Section => ChineseNumerals.Format(Number) + "、",
        MarkerKind.Subsection => "（" + ChineseNumerals.Format(Number) + "）",
        MarkerKind.Numbered => Number + ".",
        MarkerKind.ParenNumbered => "（" + Number + "）",
        MarkerKind.Task => Written.TrimEnd('：', ':'),
        MarkerKind.Bullet => Written.Trim(),
        _ => Written,
    };

    /// <summary>Reads a mark at the start of a folded line, or returns null.</summary>
    public static Marker? Read(string line)
    {
        if (line.Length < 2)
        {
            return null;
        }

        var c = line[0];
        if (char.IsAsciiDigit(c))
        {
            return ReadNumbered(line);
        }

        if (c is '（' or '(')
        {
            return ReadParenthesized(line);
        }

        if (c == '第')
        {
            return ReadOrdinal(line);
        }

        if (line.StartsWith("主要任务", StringComparison.Ordinal))
        {
            return ReadTask(line);
        }

        if (ReadBullet(line) is { } bullet)
        {
            return bullet;
        }

        if (ChineseNumerals.IsNumeralChar(c))
        {
            var end = 0;
            while (end < line.Length && end < 5 && ChineseNumerals.IsNumeralChar(line[end]))
            {
                end++;
            }

            if (end < line.Length && line[end] == '、' && ChineseNumerals.Parse(line.AsSpan(0, end)) is { } n && n > 0)
            {
                return new Marker(MarkerKind.Section, n, end + 1, line[..(end + 1)]);
            }

            // 一是, 二是 … (not 一是否, 一是指).
            if (end <= 3 && end + 1 < line.Length && line[end] == '是' && line[end + 1] is not ('否' or '指' or '为')
                && ChineseNumerals.Parse(line.AsSpan(0, end)) is { } e and > 0 and <= 30)
            {
                return new Marker(MarkerKind.Enumerated, e, end + 1, line[..(end + 1)]);
            }
        }

        return null;
    }

    private static Marker? ReadNumbered(string line)
    {
        var end = 0;
        while (end < line.Length && end < 4 && char.IsAsciiDigit(line[end]))
        {
            end++;
        }

        if (end == 0 || end > 3 || end >= line.Length - 1)
        {
            return null;
        }

        var punct = line[end];
        if (punct is not ('.' or '．' or '、'))
        {
            return null;
        }

        if (line[end + 1] is '%' or '％')
        {
            return null;
        }

        // "3.5万" is a decimal; "8．2023年" is item 8 about 2023: only the numbering can tell them apart, but for a year
        // (four digits and 年: no decimal is written so), which opens an item even where no numbering leads to it (the
        // first item right below a title: "1.2023年全市…").
        var ambiguous = char.IsAsciiDigit(line[end + 1]) && !IsYear(line, end + 1);
        var n = int.Parse(line.AsSpan(0, end), System.Globalization.CultureInfo.InvariantCulture);
        return n == 0 ? null : new Marker(MarkerKind.Numbered, n, end + 1, line[..(end + 1)], ambiguous);
    }

    private static bool IsYear(string line, int start) =>
        start + 4 < line.Length && line[start] is '1' or '2' && char.IsAsciiDigit(line[start + 1]) && char.IsAsciiDigit(line[start + 2])
        && char.IsAsciiDigit(line[start + 3]) && line[start + 4] == '年';

    private static Marker? ReadParenthesized(string line)
    {
        var close = -1;
        for (var i = 1; i < line.Length && i < 8; i++)
        {
            if (line[i] is '）' or ')')
            {
                close = i;
                break;
            }
        }

        if (close < 2 || close >= line.Length - 1)
        {
            return null;
        }

        var inner = line.AsSpan(1, close - 1);
        if (IsAllAsciiDigits(inner))
        {
            var n = int.Parse(inner, System.Globalization.CultureInfo.InvariantCulture);
            return n == 0 ? null : new Marker(MarkerKind.ParenNumbered, n, close + 1, line[..(close + 1)]);
        }

        foreach (var ch in inner)
        {
            if (!ChineseNumerals.IsNumeralChar(ch))
            {
                return null;
            }
        }

        return ChineseNumerals.Parse(inner) is { } m && m > 0
            ? new Marker(MarkerKind.Subsection, m, close + 1, line[..(close + 1)])
            : null;
    }

    private static Marker? ReadOrdinal(string line)
    {
        var end = 1;
        while (end < line.Length && end < 7 && (ChineseNumerals.IsNumeralChar(line[end]) || char.IsAsciiDigit(line[end])))
        {
            end++;
        }

        if (end == 1 || end >= line.Length)
        {
            return null;
        }

        var digits = line.AsSpan(1, end - 1);
        var n = IsAllAsciiDigits(digits) ? int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) : ChineseNumerals.Parse(digits);
        if (n is not > 0)
        {
            return null;
        }

        var kind = line[end] switch
        {
            '条' => MarkerKind.Article,
            '章' => MarkerKind.Chapter,
            _ => (MarkerKind?)null,
        };
        if (kind is null && line.AsSpan(end).StartsWith("部分"))
        {
            return new Marker(MarkerKind.Chapter, n.Value, end + 2, line[..(end + 2)]);
        }

        return kind is { } k ? new Marker(k, n.Value, end + 1, line[..(end + 1)]) : null;
    }

    private static Marker? ReadTask(string line)
    {
        var end = 4;
        while (end < line.Length && end < 9 && ChineseNumerals.IsNumeralChar(line[end]))
        {
            end++;
        }

        if (end >= line.Length || line[end] is not ('：' or ':'))
        {
            return null;
        }

        var n = end > 4 ? ChineseNumerals.Parse(line.AsSpan(4, end - 4)) ?? 1 : 1;
        return new Marker(MarkerKind.Task, n, end + 1, line[..(end + 1)]);
    }

    /// <summary>The bullets that open a task line: "——", "—— ", "●", "■", "◆", "•", "▪", "★".</summary>
    private static Marker? ReadBullet(string line)
    {
        var length = line[0] switch
        {
            '●' or '■' or '◆' or '•' or '▪' or '★' or '◇' or '□' or '▲' or '►' or '▶' => 1,
            '—' or '－' when line[1] == line[0] => 2,
            _ => 0,
        };
        if (length == 0)
        {
            return null;
        }

        var written = line[..length];
        while (length < line.Length && (line[length] == ' ' || line[length] == written[0]))
        {
            length++;
        }

        // A bullet opens text, not a range's second half ("——3月31日") or a rule line.
        return length < line.Length && Cjk.IsHan(line[length]) ? new Marker(MarkerKind.Bullet, 0, length, written) : null;
    }

    private static bool IsAllAsciiDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var ch in s)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
        }

        return true;
    }
}
