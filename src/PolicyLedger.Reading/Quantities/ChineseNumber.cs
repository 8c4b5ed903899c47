using PolicyLedger.Reading.Text;
namespace PolicyLedger.Reading.Quantities;

/// <summary>A number read from text: where it stands, its value, and how it was written.</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="Length">Characters read.</param>
/// <param name="Value">The value with 万/亿 multiplied out.</param>
/// <param name="HanOnly">Written in Chinese numerals only (no Arabic digit).</param>
/// <param name="DigitCount">Digits written (Arabic digits or Chinese digit characters); a year has 4.</param>
/// <param name="Approximate">余/多/几 inside the number (十余万, 500多亿).</param>
/// <param name="HasMultiplier">万, 亿 or 兆 was read (the unit after it may be 元: 30亿元).</param>
public readonly record struct NumberToken(int Start, int Length, decimal Value, bool HanOnly, int DigitCount, bool Approximate, bool HasMultiplier)
{
    public int End => Start + Length;
}

/// <summary>
/// Reads Arabic, Chinese and mixed numerals: 3.5万, 一百二十, 两万, 三千五百万, 十余万, 壹佰伍拾, 4.78万亿, 5万4千6百,
/// 二点五, 负三十二, 五分之一, 1,050,000. One forward pass, no regular expressions, never throws.
/// </summary>
public static class ChineseNumber
{
    /// <summary>The value of a Chinese digit character, or -1 (the table is <see cref="ChineseNumerals.Digit"/>).</summary>
    public static int Digit(char c) => ChineseNumerals.Digit(c);

    /// <summary>十, 百, 千 (and their financial forms) as 10, 100, 1000, or 0.</summary>
    public static int SmallUnit(char c) => ChineseNumerals.SmallUnit(c);

    /// <summary>万, 亿, 兆 as powers of ten, or 0.</summary>
    public static decimal BigUnit(char c) => c switch
    {
        '万' or '萬' => 10_000m,
        '亿' or '億' => 100_000_000m,
        '兆' => 1_000_000_000_000m,
        _ => 0m,
    };

    public static bool IsArabicDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    public static int ArabicValue(char c) => c <= '9' ? c - '0' : c - '０';

    public static bool IsHanNumeral(char c) => Digit(c) >= 0 || SmallUnit(c) > 0;

    /// <summary>Whether a number can start at <paramref name="c"/>.</summary>
    public static bool CanStart(char c) => IsArabicDigit(c) || IsHanNumeral(c);

    /// <summary>
    /// Reads the number that starts at <paramref name="start"/>, or returns false. Reads no sign, no fraction
    /// and no 点 decimal unless <paramref name="full"/> (used by the general number scanner).
    /// </summary>
    public static bool TryRead(string text, int start, out NumberToken token, bool full = true)
    {
        token = default;
        try
        {
            return TryReadCore(text, start, full, out token);
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool TryReadCore(string text, int start, bool full, out NumberToken token)
    {
        token = default;
        var n = text.Length;
        var i = start;
        decimal result = 0;        // sum of parts at or above 万
        decimal section = 0;       // part below 万
        decimal number = 0;        // pending digit(s)
        var hasNumber = false;
        var lastBig = 0m;
        var lastUnit = 0m;         // the last unit read (for 一百五 = 150)
        var pendingIsSingleHan = false;
        var zero = false;
        var hanOnly = true;
        var digits = 0;
        var approx = false;
        var hasMultiplier = false;
        var any = false;
        var byDigit = false;
        var end = start;

        while (i < n)
        {
            var c = text[i];
            if (IsArabicDigit(c) || (c is '.' or '．' && i + 1 < n && IsArabicDigit(text[i + 1]) && !hasNumber && !any))
            {
                if (hasNumber)
                {
                    break; // 一2: stop
                }

                var j = i;
                decimal v = 0;
                var count = 0;
                while (j < n)
                {
                    if (IsArabicDigit(text[j]))
                    {
                        v = v * 10 + ArabicValue(text[j]);
                        count++;
                        j++;
                    }
                    else if (count > 0 && (text[j] == ',' || (text[j] == '，' && text[j - 1] is >= '０' and <= '９')) && IsGroup(text, j + 1))
                    {
                        j++;
                    }
                    else
                    {
                        break;
                    }
                }

                if (j < n - 1 && text[j] is '.' or '．' && IsArabicDigit(text[j + 1]))
                {
                    j++;
                    var scale = 0.1m;
                    while (j < n && IsArabicDigit(text[j]))
                    {
                        if (scale > 0.0000000000000000000001m)
                        {
                            v += ArabicValue(text[j]) * scale;
                            scale /= 10;
                        }

                        count++;
                        j++;
                    }
                }

                number = v;
                hasNumber = true;
                pendingIsSingleHan = false;
                hanOnly = false;
                digits += count;
                any = true;
                i = j;
                end = j;
                continue;
            }

            var d = Digit(c);
            if (d == 0 && c is '零' or '〇' or '○')
            {
                if (hasNumber && number != 0 && !pendingIsSingleHan)
                {
                    break;
                }

                if (hasNumber)
                {
                    // 二〇二三: digit by digit
                    byDigit = true;
                    number *= 10;
                    digits++;
                    i++;
                    end = i;
                    continue;
                }

                zero = true;
                any = true;
                digits++;
                i++;
                end = i;
                continue;
            }

            if (d > 0)
            {
                if (hasNumber)
                {
                    if (!pendingIsSingleHan || lastUnit != 0 || !hanOnly)
                    {
                        break;
                    }

                    // digit by digit: 二零二三, 五五 (折)
                    byDigit = true;
                    number = number * 10 + d;
                    digits++;
                    i++;
                    end = i;
                    continue;
                }

                number = d;
                hasNumber = true;
                pendingIsSingleHan = true;
                digits++;
                any = true;
                i++;
                end = i;
                continue;
            }

            var u = SmallUnit(c);
            if (u > 0)
            {
                if (byDigit)
                {
                    return false; // 二三十: not a number
                }

                if (!hasNumber && lastUnit != 0 && !zero)
                {
                    break; // 五十千, 七十百
                }

                if (!hasNumber)
                {
                    number = 1; // 十五, 百三
                }

                if (lastUnit != 0 && lastUnit < 10000 && u >= lastUnit && hasNumber == false && section != 0)
                {
                    break; // 五十千
                }

                section += number * u;
                number = 0;
                hasNumber = false;
                pendingIsSingleHan = false;
                lastUnit = u;
                zero = false;
                any = true;
                i++;
                end = i;
                continue;
            }

            if (c is '余' or '多' or '几' or '幾' && any && i + 1 < n && BigUnit(text[i + 1]) > 0)
            {
                approx = true;
                i++;
                continue;
            }

            var big = BigUnit(c);
            if (big > 0)
            {
                if (!any)
                {
                    break; // 万 alone is not a number
                }

                if (byDigit)
                {
                    return false;
                }

                var val = section + number;
                if (val == 0 && result == 0)
                {
                    val = 1;
                }

                if (lastBig != 0 && big >= lastBig && val == 0)
                {
                    result *= big; // 万亿, 万万
                }
                else if (lastBig != 0 && big > lastBig)
                {
                    result = (result + val) * big;
                }
                else
                {
                    result += val * big;
                }

                lastBig = big;
                section = 0;
                number = 0;
                hasNumber = false;
                pendingIsSingleHan = false;
                lastUnit = big;
                zero = false;
                hasMultiplier = true;
                i++;
                end = i;
                continue;
            }

            break;
        }

        if (!any || end == start)
        {
            return false;
        }

        // 一百五 = 150, 一万三 = 13 000, but 一百零五 = 105 and 3万4000 = 34 000.
        if (hasNumber && pendingIsSingleHan && lastUnit >= 100 && !zero && number < 10)
        {
            number *= lastUnit / 10;
        }

        var value = result + section + number;

        if (full)
        {
            // 点 decimals: 二点五, 两千万点五五四四
            if (end < n - 1 && text[end] is '点' or '點' && IsDecimalDigit(text[end + 1]))
            {
                var j = end + 1;
                var scale = 0.1m;
                while (j < n && IsDecimalDigit(text[j]))
                {
                    value += Digit(text[j]) * scale;
                    scale /= 10;
                    j++;
                }

                end = j;
                digits++;
            }
        }

        token = new NumberToken(start, end - start, value, hanOnly, digits, approx, hasMultiplier);
        return true;
    }

    private static bool IsDecimalDigit(char c) => Digit(c) >= 0 && c is not '两' and not '兩' and not '倆';

    private static bool IsGroup(string text, int at) =>
        at + 2 < text.Length
        && IsArabicDigit(text[at]) && IsArabicDigit(text[at + 1]) && IsArabicDigit(text[at + 2])
        && (at + 3 >= text.Length || !IsArabicDigit(text[at + 3]));

    /// <summary>Parses a whole string as one number (一百二十 → 120), or null.</summary>
    public static decimal? Parse(string text)
    {
        if (string.IsNullOrEmpty(text) || !TryRead(text, 0, out var t) || t.Length != text.Length)
        {
            return null;
        }

        return t.Value;
    }
}
