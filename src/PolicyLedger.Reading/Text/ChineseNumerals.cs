using System.Globalization;
using System.Text;

namespace PolicyLedger.Reading.Text;

/// <summary>How <see cref="ChineseNumerals.Format(int, NumeralStyle)"/> writes a number.</summary>
public enum NumeralStyle
{
    /// <summary>一, 十二, 一百零五: headings, item marks, bulletins, Word's chineseCounting.</summary>
    Common,

    /// <summary>壹, 拾贰, 壹佰零伍: the financial (大写) forms, Word's chineseLegalSimplified.</summary>
    Financial,
}

/// <summary>
/// The one module for numerals in the solution: the characters of Chinese and Arabic digits and of the units 十/百/千 and
/// 万/亿/兆 (common, financial and traditional forms); small whole numbers as heading marks, dates and ordinals write
/// them (一, 十二, 二十八, 一百零五, 二〇二三 digit by digit, with the full-width Ｏ sometimes typed for 〇); writing a number
/// the way headings and Word's list numbering do; and the plan year a title names. The quantity reader's
/// <c>ChineseNumber</c> (decimals, 万 and 亿, fractions) is built on these tables; the tracking library, the .docx list
/// numbering and the reader's marks call this module.
/// </summary>
public static class ChineseNumerals
{
    private const string CommonDigits = "〇一二三四五六七八九";
    private const string CommonZero = "零";
    private const string FinancialDigits = "零壹贰叁肆伍陆柒捌玖";

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

    /// <summary>万, 亿, 兆 as powers of ten, or 0.</summary>
    public static decimal BigUnit(char c) => c switch
    {
        '万' or '萬' => 10_000m,
        '亿' or '億' => 100_000_000m,
        '兆' => 1_000_000_000_000m,
        _ => 0m,
    };

    /// <summary>An Arabic digit, half- or full-width.</summary>
    public static bool IsArabicDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    /// <summary>The value of an Arabic digit (half- or full-width); only meaningful where <see cref="IsArabicDigit"/> holds.</summary>
    public static int ArabicValue(char c) => c <= '9' ? c - '0' : c - '０';

    /// <summary>A Chinese digit or one of 十/百/千.</summary>
    public static bool IsHanNumeral(char c) => Digit(c) >= 0 || SmallUnit(c) > 0;

    /// <summary>A character a heading mark's numeral may hold: a Chinese digit (or the full-width Ｏ typed for 〇) or 十/百/千.</summary>
    public static bool IsNumeralChar(char c) => MarkDigit(c) >= 0 || SmallUnit(c) > 0;

    /// <summary>Whether a number (Arabic or Chinese) can start at <paramref name="c"/>.</summary>
    public static bool CanStart(char c) => IsArabicDigit(c) || IsHanNumeral(c);

    /// <summary>Parses a run of Chinese numeral characters (一, 十二, 一百零五, 二〇二三); null when it is not a number.</summary>
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

    /// <summary>A whole number written in Arabic digits (half- or full-width) or Chinese numerals: "15", "十五"; else null.</summary>
    public static int? ParseInteger(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.All(IsArabicDigit))
        {
            return text.Length <= 9 ? text.Aggregate(0, (v, c) => (v * 10) + ArabicValue(c)) : null;
        }

        return Parse(text);
    }

    /// <summary>
    /// Reads an integer of at most <paramref name="maxDigits"/> digits at <paramref name="at"/>, as dates and ordinals
    /// write them: Arabic digits (a longer run is no such integer), Chinese 一 to 九十九 (十二, 三十一, 二十), and, when
    /// <paramref name="digitByDigit"/>, exactly <paramref name="maxDigits"/> Chinese digits one by one (二〇二三).
    /// </summary>
    public static bool TryReadInteger(string text, int at, int maxDigits, bool digitByDigit, out int value, out int end)
    {
        value = 0;
        end = at;
        if (at >= text.Length)
        {
            return false;
        }

        if (IsArabicDigit(text[at]))
        {
            return TryReadArabic(text, at, maxDigits, out value, out end);
        }

        if (digitByDigit && TryReadDigitByDigit(text, at, maxDigits, out value, out end))
        {
            return true;
        }

        return TryReadTens(text, at, out value, out end);
    }

    /// <summary>Arabic digits, at most <paramref name="maxDigits"/>; false when more follow.</summary>
    private static bool TryReadArabic(string text, int at, int maxDigits, out int value, out int end)
    {
        value = 0;
        var j = at;
        while (j < text.Length && IsArabicDigit(text[j]) && j - at < maxDigits)
        {
            value = (value * 10) + ArabicValue(text[j]);
            j++;
        }

        if (j < text.Length && IsArabicDigit(text[j]))
        {
            (value, end) = (0, at);
            return false;
        }

        end = j;
        return true;
    }

    /// <summary>Exactly <paramref name="count"/> Chinese digits one by one (二〇二三); 两 is never a digit of a year.</summary>
    private static bool TryReadDigitByDigit(string text, int at, int count, out int value, out int end)
    {
        value = 0;
        var j = at;
        while (j < text.Length && Digit(text[j]) >= 0 && text[j] is not '两' && j - at < count)
        {
            value = (value * 10) + Digit(text[j]);
            j++;
        }

        end = j;
        if (j - at == count)
        {
            return true;
        }

        value = 0;
        end = at;
        return false;
    }

    /// <summary>一 to 九十九 written with 十: 十二, 三十一, 二十, 七.</summary>
    private static bool TryReadTens(string text, int at, out int value, out int end)
    {
        var n = text.Length;
        var s = at;
        var first = Digit(text[s]);
        if (first > 0 && s + 1 < n && SmallUnit(text[s + 1]) == 10)
        {
            value = first * 10;
            s += 2;
        }
        else if (SmallUnit(text[s]) == 10)
        {
            value = 10;
            s++;
        }
        else if (first > 0 && text[s] is not '两')
        {
            value = first;
            end = s + 1;
            return true;
        }
        else
        {
            value = 0;
            end = at;
            return false;
        }

        if (s < n && Digit(text[s]) > 0)
        {
            value += Digit(text[s]);
            s++;
        }

        end = s;
        return true;
    }

    /// <summary>
    /// Writes 0–9999 the way headings and Word's Chinese list numbering do: 一, 十, 十二, 二十, 一百零五, 一百一十,
    /// 一千零五 (or 壹, 拾, 壹佰零伍 in the financial style). Other numbers are written in Arabic digits.
    /// </summary>
    public static string Format(int n, NumeralStyle style = NumeralStyle.Common)
    {
        var digits = style == NumeralStyle.Financial ? FinancialDigits : CommonDigits;
        var units = style == NumeralStyle.Financial ? "拾佰仟" : "十百千";
        if (n is < 0 or > 9999)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }

        if (n == 0)
        {
            return digits[0].ToString();
        }

        var zero = style == NumeralStyle.Financial ? FinancialDigits[..1] : CommonZero;
        var text = new StringBuilder(8);
        int[] powers = [1000, 100, 10, 1];
        var pendingZero = false;
        for (var p = 0; p < powers.Length; p++)
        {
            var digit = n / powers[p] % 10;
            if (digit == 0)
            {
                pendingZero = text.Length > 0;
                continue;
            }

            if (pendingZero)
            {
                text.Append(zero);
                pendingZero = false;
            }

            // 十二, not 一十二; but 一百一十.
            if (!(powers[p] == 10 && digit == 1 && text.Length == 0))
            {
                text.Append(digits[digit]);
            }

            if (p < 3)
            {
                text.Append(units[2 - p]);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The year a plan is for, from its title: the one year written there (…2024年重点工作…, 二〇二三年…) → that year;
    /// null where the title names no year, several (2023年至2025年) or a span (2022—2024年).
    /// </summary>
    public static int? PlanYear(string? title)
    {
        if (string.IsNullOrEmpty(title))
        {
            return null;
        }

        int? found = null;
        for (var i = 0; i < title.Length; i++)
        {
            if (!IsYearStart(title, i) || !TryReadInteger(title, i, 4, digitByDigit: true, out var year, out var end) || end - i != 4
                || year is < 1949 or > 2200)
            {
                continue;
            }

            if (end < title.Length && title[end] is '—' or '–' or '-' or '－' or '~' or '～' or '至' or '到'
                && end + 1 < title.Length && CanStart(title[end + 1]))
            {
                return null; // 2022—2024年: a span of years
            }

            if (end < title.Length && title[end] == '年')
            {
                if (found is { } other && other != year)
                {
                    return null;
                }

                found = year;
            }

            i = end - 1;
        }

        return found;
    }

    private static bool IsYearStart(string text, int i) =>
        (IsArabicDigit(text[i]) || Digit(text[i]) >= 0) && (i == 0 || !CanStart(text[i - 1]));

    private static int MarkDigit(char c) => c == 'Ｏ' ? 0 : Digit(c);
}
