using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Quantities;

/// <summary>
/// A number followed by what makes it a figure: %, a currency, a measure word, a Latin unit (168cm), the second term
/// of a ratio (1∶1), the top of a range (3—5家), 成 or 折 (七成, 八折). Years, dates, ordinals, grades and codes are not
/// figures. Each kind is one named step; <see cref="Read"/> tries them in order.
/// </summary>
internal static class NumberWithUnitReader
{
    /// <summary>The figure a number at <paramref name="i"/> makes, or null with where to look next (<paramref name="skipTo"/>).</summary>
    public static RawFigure? Read(string text, int i, out int skipTo)
    {
        try
        {
            return ReadCore(text, i, out skipTo);
        }
        catch (OverflowException)
        {
            skipTo = i + 1; // a figure beyond decimal's range is not read
            return null;
        }
    }

    private static RawFigure? ReadCore(string text, int i, out int skipTo)
    {
        if (!ReadNumber(text, i, out var t, out skipTo) || IsOrdinalOrCode(text, i))
        {
            return null;
        }

        var n = text.Length;
        var end = t.End;
        if (end < n && char.IsAsciiLetter(text[end]) && LatinUnit(text, end) is { } latin)
        {
            return new RawFigure(i, end + latin.Length, QuantityKind.Measure, t.Value, latin.ToLowerInvariant(), null, Bound.Exact, null, false);
        }

        if (IsGradeOrCode(text, end))
        {
            return null; // 5A, 4A, 5G
        }

        (t, end) = ApplyThousandsSuffix(text, t, end);
        var approx = t.Approximate;
        if (end < n && text[end] is '余' or '多' && end + 1 < n && !ChineseNumerals.IsHanNumeral(text[end + 1]))
        {
            approx = true; // 300余家, 20多个
            end++;
        }

        if (end >= n)
        {
            return null;
        }

        if (end + 1 < n && text[end] == ' ' && text[end + 1] is '%' or '％')
        {
            end++; // 5 ％
        }

        var bound = approx ? Bound.Approx : Bound.Exact;
        var c = text[end];
        if (c is '%' or '％')
        {
            return new RawFigure(i, end + 1, QuantityKind.Percent, t.Value, "%", null, bound, null, false);
        }

        if (ReadRatio(text, i, t, end) is { } ratio)
        {
            return ratio;
        }

        if (!approx && ReadRange(text, i, t, end) is { } range)
        {
            return range.Figure; // null: a span of years (2022—2024年), no figure
        }

        if (c is '成' or '折' && !approx && TenthsPercent(text, t, end) is { } tenths)
        {
            return tenths;
        }

        return ReadPrefixedUnit(text, i, t, end, bound) ?? ReadWithUnit(text, i, t, end, bound, approx);
    }

    /// <summary>The number itself: 半 before 年/成/折, or any number <see cref="ChineseNumber"/> reads.</summary>
    private static bool ReadNumber(string text, int i, out NumberToken t, out int skipTo)
    {
        skipTo = i + 1;
        if (text[i] == '半')
        {
            t = new NumberToken(i, 1, 0.5m, true, 1, false, false);
            return !(i > 0 && text[i - 1] is '每' or '上' or '下' or '前' or '后' or '减' or '过' or '多');
        }

        if (!ChineseNumber.TryRead(text, i, out t, full: true))
        {
            while (skipTo < text.Length && ChineseNumerals.IsHanNumeral(text[skipTo]))
            {
                skipTo++; // 二三十: not a number, nor is 三十 inside it
            }

            return false;
        }

        skipTo = t.End;
        return true;
    }

    /// <summary>Ordinals (第六届), document numbers (〔2022〕33号), codes (A3, 1.2.3): the number is part of a name.</summary>
    private static bool IsOrdinalOrCode(string text, int i)
    {
        var prev = i > 0 ? text[i - 1] : ' ';
        return prev is '第' or '〔' or '[' or '［' or '.' or '．' || char.IsAsciiLetter(prev) || ChineseNumerals.IsArabicDigit(prev);
    }

    /// <summary>Letters (other than a lone k) or a plus after the number: a grade or a code (5A, 4A级, 5G, 5+2).</summary>
    private static bool IsGradeOrCode(string text, int end)
    {
        var n = text.Length;
        return end < n && (char.IsAsciiLetter(text[end]) && !(text[end] is 'k' or 'K' && (end + 1 >= n || !char.IsAsciiLetter(text[end + 1]))) || text[end] is '＋' or '+');
    }

    /// <summary>15k个百分点: a k after Arabic digits multiplies by 1000.</summary>
    private static (NumberToken Number, int End) ApplyThousandsSuffix(string text, NumberToken t, int end)
    {
        var n = text.Length;
        return !t.HanOnly && end < n && text[end] is 'k' or 'K' or 'Ｋ' && (end + 1 >= n || !char.IsAsciiLetter(text[end + 1]))
            ? (t with { Value = t.Value * 1000, Length = t.Length + 1 }, end + 1)
            : (t, end);
    }

    /// <summary>Ratios: 1∶1, 3：7 (but not a clock time 9:30, nor a 2-digit pair before another colon).</summary>
    private static RawFigure? ReadRatio(string text, int i, NumberToken t, int end)
    {
        var n = text.Length;
        var c = text[end];
        if (!(c is '∶' or '：' or ':' && !t.HanOnly && end + 1 < n && ChineseNumerals.IsArabicDigit(text[end + 1])
              && ChineseNumber.TryRead(text, end + 1, out var right, full: true) && !right.HanOnly
              && (right.End >= n || !ChineseNumerals.IsArabicDigit(text[right.End])) && t.Value < 100 && right.Value < 100))
        {
            return null;
        }

        var isClock = right.End - right.Start == 2 && (right.End < n && text[right.End] is ':' or '：' || i + 2 == end && t.Value < 24);
        return !isClock || c == '∶' || (right.End < n && text[right.End] is '比')
            ? new RawFigure(i, right.End, QuantityKind.Ratio, t.Value, "∶", null, Bound.Exact, right.Value, false)
            : null;
    }

    /// <summary>What a dash after a number made: a range figure, or no figure at all (a span of years).</summary>
    private readonly record struct RangeRead(RawFigure? Figure);

    /// <summary>
    /// Ranges: 1—2个, 3—5家, 300万—600万美元, 3—5万元 (the multiplier written once). Null when what follows the dash is
    /// no number with a unit; a range of years (2022—2024年) is read, and makes no figure.
    /// </summary>
    private static RangeRead? ReadRange(string text, int i, NumberToken t, int end)
    {
        var n = text.Length;
        if (!(text[end] is '—' or '–' or '-' or '－' or '~' or '～' or '至' or '到' && end + 1 < n))
        {
            return null;
        }

        var k = end + 1;
        if (k < n && text[k] == '—')
        {
            k++;
        }

        if (!(k < n && ChineseNumerals.CanStart(text[k]) && ChineseNumber.TryRead(text, k, out var hi, full: true) && hi.HanOnly == t.HanOnly))
        {
            return null;
        }

        var unit = ReadUnit(text, hi.End, hi, out var kind, out var unitEnd);
        if (unit is null || kind == QuantityKind.Ratio)
        {
            return null;
        }

        if (IsYearOrDate(t) || (t.DigitCount == 4 && unit == "年"))
        {
            return new RangeRead(null);
        }

        var low = t.Value;
        if (!t.HasMultiplier && hi.HasMultiplier && kind == QuantityKind.Money)
        {
            low = t.Value * (hi.Value / Math.Max(1, TrailingMultiplierBase(text, hi))); // 3—5万元
        }

        return new RangeRead(new RawFigure(i, unitEnd, kind, low, unit, null, Bound.Range, hi.Value, false));
    }

    /// <summary>10千伏, 5兆瓦: a 千/兆 read as the number's multiplier belongs to the unit after it.</summary>
    private static RawFigure? ReadPrefixedUnit(string text, int i, NumberToken t, int end, Bound bound)
    {
        var n = text.Length;
        if (!(!t.HanOnly && t.Length > 1 && text[end - 1] is '千' or '兆' && text[end] is '伏' or '瓦' or '米' or '克' or '帕' or '赫'))
        {
            return null;
        }

        var prefix = text[end - 1];
        var unitName = prefix + text[end].ToString() + (text[end] == '瓦' && end + 1 < n && text[end + 1] == '时' ? "时" : "");
        var baseValue = t.Value / (prefix == '千' ? 1000m : 1_000_000_000_000m);
        return new RawFigure(i, end + unitName.Length - 1, QuantityKind.Measure, baseValue, unitName, null, bound, null, false);
    }

    /// <summary>
    /// A number with its currency or measure word, unless it names rather than counts: a year (2023年), a one-character
    /// Chinese numeral before an ordinary measure word (两项补贴, 三大改造), a word going on (一次性, 一卡通).
    /// </summary>
    private static RawFigure? ReadWithUnit(string text, int i, NumberToken t, int end, Bound bound, bool approx)
    {
        var n = text.Length;
        var u = ReadUnit(text, end, t, out var kind, out var uEnd);
        if (u is null || NamesRatherThanCounts(text, t, u, kind, uEnd, approx))
        {
            return null;
        }

        var amount = t.Value;
        if (kind == QuantityKind.Measure && uEnd < n && text[uEnd] == '半' && QuantityWords.HalfAfter.Contains(u))
        {
            amount += 0.5m; // 一吨半, 三年半
            uEnd++;
        }

        if (kind == QuantityKind.Money)
        {
            (amount, uEnd) = Cents(text, amount, uEnd, u);
        }

        return new RawFigure(i, uEnd, kind, amount, u, null, bound, null, false);
    }

    private static bool NamesRatherThanCounts(string text, NumberToken t, string unit, QuantityKind kind, int unitEnd, bool approx)
    {
        if (unit == "年" && (t.DigitCount >= 3 || (t.HanOnly && t.DigitCount >= 2 && t.Value >= 1000) || IsDigitByDigitHan(text, t)))
        {
            return true; // 2023年, 二〇二三年
        }

        // A one-character Chinese numeral names things (两项补贴, 一次性, 三大改造) more often than it counts them.
        if (t.HanOnly && t.Length == 1 && kind == QuantityKind.Measure && !QuantityWords.ShortHanMeasures.Contains(unit) && !approx)
        {
            return true;
        }

        return (t.HanOnly && kind == QuantityKind.Measure && unitEnd < text.Length && IsNameContinuation(text, unitEnd))
               || QuantityWords.NeverMeasures.Contains(unit);
    }

    /// <summary>五元三毛 = 5.3 元, 两美元又三美分 = 2.03 美元.</summary>
    private static (decimal Amount, int End) Cents(string text, decimal amount, int end, string unit)
    {
        var n = text.Length;
        var k = end;
        if (unit == "美元")
        {
            if (k < n && text[k] == '又')
            {
                k++;
            }

            if (k < n && ChineseNumerals.CanStart(text[k]) && ChineseNumber.TryRead(text, k, out var c, full: false) && c.End + 1 < n
                && text[c.End] == '美' && text[c.End + 1] == '分')
            {
                return (amount + c.Value / 100, c.End + 2);
            }

            return (amount, end);
        }

        if (unit != "元")
        {
            return (amount, end);
        }

        if (k < n && ChineseNumerals.CanStart(text[k]) && ChineseNumber.TryRead(text, k, out var jiao, full: false) && jiao.Value < 10 && jiao.End < n && text[jiao.End] is '角' or '毛')
        {
            amount += jiao.Value / 10;
            k = jiao.End + 1;
            end = k;
            if (k < n && ChineseNumerals.CanStart(text[k]) && ChineseNumber.TryRead(text, k, out var fen, full: false) && fen.Value < 10 && fen.End < n && text[fen.End] == '分')
            {
                amount += fen.Value / 100;
                end = fen.End + 1;
            }
        }

        return (amount, end);
    }

    /// <summary>A Latin unit at <paramref name="at"/> that ends there (not followed by another letter), or null.</summary>
    private static string? LatinUnit(string text, int at)
    {
        foreach (var u in QuantityWords.LatinUnits)
        {
            var end = at + u.Length;
            if (end <= text.Length && string.Compare(text, at, u, 0, u.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (end == text.Length || !char.IsAsciiLetterOrDigit(text[end])))
            {
                return text.Substring(at, u.Length);
            }
        }

        return null;
    }

    /// <summary>七成 = 70 %, 三成半 = 35 %, 八折 = 80 %, 75折 = 75 %.</summary>
    private static RawFigure? TenthsPercent(string text, NumberToken t, int end)
    {
        var n = text.Length;
        var v = t.Value;
        var e = end + 1;
        if (text[end] == '成')
        {
            if (v > 10)
            {
                return null;
            }

            v *= 10;
            if (e < n && text[e] == '半')
            {
                v += 5;
                e++;
            }
            else if (e < n && ChineseNumerals.Digit(text[e]) > 0 && (e + 1 >= n || !ChineseNumerals.IsHanNumeral(text[e + 1]) && !Cjk.IsHan(text[e + 1])))
            {
                v += ChineseNumerals.Digit(text[e]);
                e++;
            }
        }
        else if (v == 0.5m)
        {
            v = 50; // 半折
        }
        else if (v < 10)
        {
            v *= 10;
        }
        else if (v is > 10 and < 100 && v == Math.Floor(v))
        {
            // 75折, 五五折
        }
        else
        {
            return null;
        }

        return new RawFigure(t.Start, e, QuantityKind.Percent, v, "%", null, Bound.Exact, null, false);
    }

    private static bool IsNameContinuation(string text, int at) => text[at] is '大' or '性' or '化' or '卡';

    private static decimal TrailingMultiplierBase(string text, NumberToken hi)
    {
        // the value of hi without its trailing 万/亿: 5万 → 5
        var last = text[hi.End - 1];
        var big = ChineseNumerals.BigUnit(last);
        return big > 0 ? hi.Value / big : hi.Value;
    }

    private static bool IsDigitByDigitHan(string text, NumberToken t)
    {
        if (!t.HanOnly || t.Length < 2)
        {
            return false;
        }

        for (var k = t.Start; k < t.End; k++)
        {
            if (ChineseNumerals.Digit(text[k]) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsYearOrDate(NumberToken t) => t.DigitCount == 4 && !t.HasMultiplier && t.Value is >= 1900 and <= 2100;

    /// <summary>The unit after a number: a currency, a measure word, or null.</summary>
    private static string? ReadUnit(string text, int at, NumberToken t, out QuantityKind kind, out int end)
    {
        kind = QuantityKind.Measure;
        end = at;
        var n = text.Length;
        if (at >= n)
        {
            return null;
        }

        if (text[at] is '%' or '％')
        {
            kind = QuantityKind.Percent;
            end = at + 1;
            return "%";
        }

        // 万元 / 亿美元 written after a number that has no multiplier of its own: 3亿 is read by the number already
        foreach (var (word, unit) in QuantityWords.Currencies)
        {
            if (at + word.Length <= n && string.CompareOrdinal(text, at, word, 0, word.Length) == 0)
            {
                if (word == "块" && !t.HanOnly)
                {
                    break;
                }

                kind = QuantityKind.Money;
                end = at + word.Length;
                return unit;
            }
        }

        if (text[at] is '个' or '個' && at + 1 < n && QuantityWords.MatchAt(text, at + 1, ["比特币"]) is { } coin)
        {
            kind = QuantityKind.Money;
            end = at + 1 + coin.Length;
            return coin;
        }

        var m = QuantityWords.MatchLongestAt(text, at, QuantityWords.Measures);
        if (m is null)
        {
            return null;
        }

        end = at + m.Length;
        return m switch
        {
            "个月" => "月",
            "个百分点" or "個百分點" or "百分點" or "个百分點" or "個百分点" => "百分点",
            "个基点" => "基点",
            "个工作日" => "工作日",
            "万平方米" => null,
            _ => m,
        };
    }
}
