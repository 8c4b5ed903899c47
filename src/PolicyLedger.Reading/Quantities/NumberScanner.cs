using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Quantities;

/// <summary>A number found in text, with or without a unit: its span in the source and its value.</summary>
public sealed record NumberMention(string Text, TextSpan Span, decimal Value);

/// <summary>
/// Finds every number in a text, unit or not: 一百二十, 负三十二, 3.5万, 五分之一, 1,050,000, 2.2亿, 十余万, 两千万点五五.
/// The quantity reader reads only numbers with a unit; this scanner is the general one (and what the peer's
/// NumberModel specs check). Words that merely contain a numeral character (一切, 四川, 陆地, 队伍) are not numbers.
/// </summary>
public static class NumberScanner
{
    /// <summary>Words whose numeral character is not a number.</summary>
    private static readonly string[] NotNumbers =
    [
        "一切", "一看", "一般", "一起", "一样", "一直", "一致", "一定", "统一", "万一", "唯一", "一些", "四川", "陆地", "大陆", "登陆", "海陆", "着陆",
        "入伍", "退伍", "队伍", "伍仁", "收拾", "拾取", "拾起", "拾到", "夕拾", "放肆", "肆意", "肆无", "十足", "万万", "千万别", "两两", "九九",
        "五角大楼", "三角", "一美", "两美", "一折", "壹切",
    ];

    public static IReadOnlyList<NumberMention> Read(MappedText mapped)
    {
        ArgumentNullException.ThrowIfNull(mapped);
        var list = new List<NumberMention>();
        var text = mapped.Text;
        var n = text.Length;
        var i = 0;
        while (i < n)
        {
            var c = text[i];
            var signStart = i;
            var negative = false;
            if (c is '负' or '負' && i + 1 < n && ChineseNumerals.CanStart(text[i + 1]))
            {
                negative = true;
                i++;
            }
            else if (c is '-' or '－' && i + 1 < n && (ChineseNumerals.IsArabicDigit(text[i + 1]) || text[i + 1] == '.') && (i == 0 || !char.IsLetterOrDigit(text[i - 1]) && text[i - 1] is not '-' and not '－'))
            {
                negative = true;
                i++;
            }

            if (i >= n || !(ChineseNumerals.CanStart(text[i]) || text[i] is '.' or '．' || text[i] == '半'))
            {
                i = signStart + 1;
                continue;
            }

            // 百分之五十: the number is after 之; 百分点 is a word
            if (!negative && text[i] is '百' or '千' or '万' or '佰' or '仟' or '萬' && i + 1 < n && text[i + 1] == '分' && (i == 0 || !ChineseNumerals.CanStart(text[i - 1])))
            {
                i += i + 2 < n && text[i + 2] == '之' ? 3 : 2;
                continue;
            }

            // 五十千: a unit right after a number is not a new one
            if (!negative && ChineseNumerals.SmallUnit(text[i]) > 0 && list.Count > 0 && mapped.ToSource(i, 1).Start == list[^1].Span.End)
            {
                i++;
                continue;
            }

            if (IsNotNumber(text, i))
            {
                i = SkipWord(text, i);
                continue;
            }

            if (!TryReadFull(text, i, out var value, out var end))
            {
                i = signStart + 1;
                continue;
            }

            if (negative)
            {
                value = -value;
            }

            // X分之Y: a fraction (五分之一), but 百分之 is a percentage
            list.Add(new NumberMention(text[signStart..end], mapped.ToSource(signStart, end - signStart), value));
            i = end;
        }

        return list;
    }

    public static IReadOnlyList<NumberMention> Read(string text) => Read(MappedText.Identity(text ?? string.Empty));

    private static bool IsNotNumber(string text, int i)
    {
        foreach (var w in NotNumbers)
        {
            for (var off = 0; off < w.Length; off++)
            {
                var at = i - off;
                if (at >= 0 && at + w.Length <= text.Length && string.CompareOrdinal(text, at, w, 0, w.Length) == 0 && ChineseNumerals.CanStart(text[i]))
                {
                    // a longer numeral around it still counts: 一万万
                    if (w == "万万" && at > 0 && ChineseNumerals.CanStart(text[at - 1]))
                    {
                        continue;
                    }

                    return true;
                }
            }
        }

        return false;
    }

    private static int SkipWord(string text, int i)
    {
        var j = i + 1;
        while (j < text.Length && ChineseNumerals.IsHanNumeral(text[j]))
        {
            j++;
        }

        return j;
    }

    /// <summary>A number with its fraction, 点 decimals, exponent or dozen: 五分之一, 三百五又三分之一, 2e5, 一打.</summary>
    private static bool TryReadFull(string text, int i, out decimal value, out int end)
    {
        try
        {
            return TryReadFullCore(text, i, out value, out end);
        }
        catch (OverflowException)
        {
            // beyond decimal's range: not a number we can state
            value = 0;
            end = i;
            return false;
        }
    }

    private static bool TryReadFullCore(string text, int i, out decimal value, out int end)
    {
        value = 0;
        end = i;
        var n = text.Length;
        NumberToken t;
        if (text[i] == '半' && i + 1 < n && text[i + 1] is '百')
        {
            value = 50;
            end = i + 2;
            return true;
        }

        if (text[i] is '.' or '．')
        {
            if (!(i + 1 < n && ChineseNumerals.IsArabicDigit(text[i + 1])) || (i > 0 && text[i - 1] is '.' or '．'))
            {
                return false;
            }

            var j = i + 1;
            var scale = 0.1m;
            while (j < n && ChineseNumerals.IsArabicDigit(text[j]))
            {
                value += ChineseNumerals.ArabicValue(text[j]) * scale;
                scale /= 10;
                j++;
            }

            end = j;
            return true;
        }

        if (!ChineseNumber.TryRead(text, i, out t))
        {
            return false;
        }

        // 1 4/3: a whole number and a fraction
        if (!t.HanOnly && t.End + 3 < n && text[t.End] == ' ' && ChineseNumerals.IsArabicDigit(text[t.End + 1])
            && ChineseNumber.TryRead(text, t.End + 1, out var fn, full: false) && !fn.HanOnly && fn.End + 1 < n && text[fn.End] is '/' or '／'
            && ChineseNumber.TryRead(text, fn.End + 1, out var fd, full: false) && !fd.HanOnly && fd.Value != 0)
        {
            value = t.Value + fn.Value / fd.Value;
            end = fd.End;
            return true;
        }

        value = t.Value;
        end = t.End;

        // 2e5, 21.2E0, 2.7890e-1
        if (!t.HanOnly && end + 1 < n && text[end] is 'e' or 'E')
        {
            var j = end + 1;
            var neg = false;
            if (j < n && text[j] is '+' or '-' or '－')
            {
                neg = text[j] != '+';
                j++;
            }

            if (j < n && ChineseNumerals.IsArabicDigit(text[j]))
            {
                var exp = 0;
                while (j < n && ChineseNumerals.IsArabicDigit(text[j]) && exp < 100)
                {
                    exp = exp * 10 + ChineseNumerals.ArabicValue(text[j]);
                    j++;
                }

                value = Pow10(value, neg ? -exp : exp);
                end = j;
            }
        }

        // 2^5, 2.5^-1, 1.1^+23
        if (!t.HanOnly && end + 1 < n && text[end] == '^')
        {
            var j = end + 1;
            var neg = false;
            while (j < n && text[j] is '+' or '-' or '－')
            {
                neg ^= text[j] != '+';
                j++;
            }

            if (j < n && ChineseNumerals.IsArabicDigit(text[j]) && ChineseNumber.TryRead(text, j, out var ex, full: false) && !ex.HanOnly)
            {
                var pow = Math.Pow((double)value, (double)(neg ? -ex.Value : ex.Value));
                if (double.IsFinite(pow) && Math.Abs(pow) < 7.9e27)
                {
                    value = (decimal)pow;
                    end = ex.End;
                }
            }
        }

        // 40k, 3.2k
        if (!t.HanOnly && end < n && text[end] is 'k' or 'K' && (end + 1 >= n || !char.IsAsciiLetter(text[end + 1])))
        {
            value *= 1000;
            end++;
        }

        // 一打 = 12
        if (end < n && text[end] == '打' && (end + 1 >= n || text[end + 1] is not '对' and not '折'))
        {
            value *= 12;
            end++;
        }

        // X分之Y
        var negNum = end + 3 < n && text[end] == '分' && text[end + 1] == '之' && text[end + 2] is '负' or '負';
        if (end + 2 < n && text[end] == '分' && text[end + 1] == '之' && (ChineseNumerals.CanStart(text[end + 2]) || negNum) && value != 0)
        {
            if (ChineseNumber.TryRead(text, end + 2 + (negNum ? 1 : 0), out var num))
            {
                value = (negNum ? -num.Value : num.Value) / value;
                end = num.End;
            }
        }
        else if (end + 1 < n && text[end] == '又' && ChineseNumerals.CanStart(text[end + 1]))
        {
            // 三百五又三分之一
            if (ChineseNumber.TryRead(text, end + 1, out var den) && den.End + 2 < n && text[den.End] == '分' && text[den.End + 1] == '之'
                && ChineseNumber.TryRead(text, den.End + 2, out var num) && den.Value != 0)
            {
                value += num.Value / den.Value;
                end = num.End;
            }
        }
        else if (!t.HanOnly && end + 1 < n && text[end] is '/' or '／' && ChineseNumerals.IsArabicDigit(text[end + 1]))
        {
            if (ChineseNumber.TryRead(text, end + 1, out var den) && !den.HanOnly && den.Value != 0)
            {
                value /= den.Value;
                end = den.End;

            }
        }

        return true;
    }

    private static decimal Pow10(decimal v, int exp)
    {
        try
        {
            for (var k = 0; k < Math.Abs(exp); k++)
            {
                v = exp > 0 ? v * 10 : v / 10;
            }
        }
        catch (OverflowException)
        {
            return v;
        }

        return v;
    }
}
