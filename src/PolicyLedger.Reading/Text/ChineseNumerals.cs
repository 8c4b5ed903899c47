namespace PolicyLedger.Reading.Text;

/// <summary>Small whole numbers written in Chinese, as in heading and item marks: 一, 十二, 二十八, 一百零五, 〇.</summary>
public static class ChineseNumerals
{
    public static bool IsNumeralChar(char c) => Digit(c) >= 0 || c is '十' or '百' or '千' or '拾' or '佰';

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
            var d = Digit(c);
            if (d >= 0)
            {
                // Digit-by-digit form without units: 二〇二三.
                current = current < 0 || sawUnit ? d : (current * 10) + d;
                continue;
            }

            var unit = c switch
            {
                '十' or '拾' => 10,
                '百' or '佰' => 100,
                '千' => 1000,
                _ => 0,
            };
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

    private static int Digit(char c) => c switch
    {
        '〇' or '零' or '○' or 'Ｏ' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '贰' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

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
