namespace PolicyLedger.Reading.Text;

/// <summary>
/// Small whole numbers written in Chinese, as in heading and item marks and in dates: 一, 十二, 二十八, 一百零五,
/// 二〇二三 (digit by digit, as years are written, with the full-width Ｏ sometimes typed for 〇). The digit and
/// unit tables here are the ones the quantity reader's <c>ChineseNumber</c> uses too.
/// </summary>
public static class ChineseNumerals
{
    /// <summary>The value of a Chinese digit character (common, financial and traditional forms), or -1.</summary>
    public static int Digit(char c) => c switch
    {
        '零' or '〇' or '○' => 0,
        '一' or '壹' or '幺' => 1,
        '二' or '贰' or '貳' or '两' or '兩' or '倆' => 2,
        '三' or '叁' or '參' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' or '陸' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    /// <summary>十, 百, 千 (and their financial forms) as 10, 100, 1000, or 0.</summary>
    public static int SmallUnit(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        _ => 0,
    };

    public static bool IsNumeralChar(char c) => MarkDigit(c) >= 0 || SmallUnit(c) > 0;

    /// <summary>Parses a run of Chinese numeral characters; returns null when it is not a number.</summary>
    public static int? Parse(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 12)
        {
            return null;
        }

        var total = 0;
        var current = -1;
        var sawUnit = false;
        foreach (var c in s)
        {
            var d = MarkDigit(c);
            if (d >= 0)
            {
                // Digit-by-digit form without units: 二〇二三.
                current = current < 0 || sawUnit ? d : (current * 10) + d;
                continue;
            }

            var unit = SmallUnit(c);
            if (unit == 0)
            {
                return null;
            }

            total += (current < 0 ? 1 : current) * unit;
            current = -1;
            sawUnit = true;
        }

        return total + Math.Max(current, 0);
    }

    private static int MarkDigit(char c) => c == 'Ｏ' ? 0 : Digit(c);

    /// <summary>Writes 1–99 the way headings do: 一, 十, 十二, 二十, 三十八.</summary>
    public static string Format(int n)
    {
        const string digits = "〇一二三四五六七八九";
        if (n is < 0 or > 999)
        {
            return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (n < 10)
        {
            return digits[n].ToString();
        }

        if (n < 20)
        {
            return "十" + (n % 10 == 0 ? string.Empty : digits[n % 10].ToString());
        }

        if (n < 100)
        {
            return digits[n / 10] + "十" + (n % 10 == 0 ? string.Empty : digits[n % 10].ToString());
        }

        var rest = n % 100;
        return digits[n / 100] + "百" + (rest == 0 ? string.Empty : (rest < 10 ? "零" : string.Empty) + (rest < 20 && rest >= 10 ? "一" : string.Empty) + Format(rest));
    }
}
