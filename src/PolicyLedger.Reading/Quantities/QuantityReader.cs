using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Quantities;

/// <summary>
/// Reads the figures of a piece of policy text: money (元, 美元; 万/亿 multiplied out), percentages, counts and
/// measures with their measure word, ratios; with what an amount is per (元/台, 每平方米) and its bound
/// (最高, 以上, 左右, 300万—600万美元). A hand-written scanner: one pass, no regular expressions, never throws on odd
/// text. Each figure goes through named steps: the figure itself (<see cref="NumberWithUnitReader"/> or the word
/// forms here), its sign, the words around it (<see cref="BoundReader"/>, <see cref="PerReader"/>), then the bounds a
/// list or a bracket carries.
/// </summary>
public static class QuantityReader
{
    public static IReadOnlyList<Quantity> Read(MappedText text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Nothing is caught here: odd text is read as far as it goes, and a bug in this reader surfaces at the facade (PL999).
        var list = new List<Quantity>();
        Scan(text, list);
        return list;
    }

    /// <summary>Reads a plain string (its spans are offsets in the string).</summary>
    public static IReadOnlyList<Quantity> Read(string text) => Read(MappedText.Identity(text ?? string.Empty));

    private static void Scan(MappedText mapped, List<Quantity> list)
    {
        var text = mapped.Text;
        var i = 0;
        RawFigure? last = null;
        var bracket = BracketBound.None;
        while (i < text.Length)
        {
            if (!MayStartFigure(text[i]))
            {
                i++;
                continue;
            }

            var figure = ReadFigureAt(text, i, out var next);
            if (figure is null)
            {
                i = next;
                continue;
            }

            figure = JoinRange(text, figure);

            var q = ApplyPerAfterSlash(text, BoundReader.ApplyPrefix(text, ApplySign(text, figure)));
            var after = BoundReader.ReadAfter(text, q);
            bracket = after.Bracket ?? bracket;
            var (ranged, consumed) = BoundReader.ReadRangeTop(text, after.Figure, after.Consumed);
            q = BoundReader.CoverByBracket(BoundReader.CarryListBound(text, last, ranged), bracket);
            list.Add(ToQuantity(mapped, q));
            last = q;
            i = after.Bracket is not null ? q.End : Math.Max(consumed, q.End);
        }
    }

    /// <summary>
    /// A range written with its unit at both ends (5000元至15000元, 5%—10%, 2万元～5万元, 3个月到6个月): the figure right after
    /// a dash, 至 or 到 is its top when it is a plain figure of the same kind, unit and per, and larger. Otherwise the two are
    /// read apart (5%至2025年, 10万元至20% are not ranges; 20%至10% is a fall, not a range).
    /// </summary>
    private static RawFigure JoinRange(string text, RawFigure low)
    {
        if (low.Bound != Bound.Exact || low.High is not null || low.Kind == QuantityKind.Ratio || low.End + 1 >= text.Length
            || text[low.End] is not ('—' or '–' or '-' or '－' or '~' or '～' or '至' or '到'))
        {
            return low;
        }

        var k = low.End + 1;
        if (text[k] is '—' or '-' && text[low.End] == text[k])
        {
            k++; // ——
        }

        if (k >= text.Length || !MayStartFigure(text[k]) || ReadFigureAt(text, k, out _) is not { } high)
        {
            return low;
        }

        return high is { Bound: Bound.Exact, High: null } && high.Kind == low.Kind && high.Unit == low.Unit && high.Per == low.Per && high.Value > low.Value
            ? low with { End = high.End, Bound = Bound.Range, High = high.Value }
            : low;
    }

    /// <summary>Whether a figure can start at this character: a numeral, 万/亿 (亿元以上), 半, a currency sign, 对 (打对折).</summary>
    private static bool MayStartFigure(char c) =>
        ChineseNumerals.CanStart(c) || c is '万' or '萬' or '亿' or '半' or '$' or '＄' or '￥' or '¥' or '对' or '對';

    /// <summary>The figure that starts at <paramref name="i"/>, or null with where to look next.</summary>
    private static RawFigure? ReadFigureAt(string text, int i, out int next)
    {
        try
        {
            return ReadFigureAtCore(text, i, out next);
        }
        catch (OverflowException)
        {
            next = i + 1; // a figure beyond decimal's range (百分之…k, 千亿兆兆分之…) is not read
            return null;
        }
    }

    private static RawFigure? ReadFigureAtCore(string text, int i, out int next)
    {
        next = i + 1;
        var c = text[i];
        if (c is '百' or '佰' && i + 2 < text.Length && text[i + 1] == '分' && text[i + 2] == '之' && (i == 0 || !ChineseNumerals.IsHanNumeral(text[i - 1])))
        {
            return ReadPercentWords(text, i);
        }

        if (c is '千' or '万' or '百' or '仟' or '萬' or '佰' or '亿' && ReadPerMille(text, i) is { } perMille)
        {
            return perMille;
        }

        if (c is '$' or '＄' or '￥' or '¥')
        {
            return ReadCurrencySymbol(text, i);
        }

        if (c is '对' or '對' && i + 1 < text.Length && text[i + 1] == '折' && i > 0 && text[i - 1] == '打')
        {
            return new RawFigure(i, i + 2, QuantityKind.Percent, 50m, "%", null, Bound.Exact, null, false); // 打对折
        }

        if (c is '亿' or '万' && ReadBareMultiplier(text, i) is { } bare)
        {
            return bare;
        }

        if (ChineseNumerals.CanStart(c) || (c == '半' && i + 1 < text.Length && text[i + 1] is '年' or '成' or '折'))
        {
            var figure = NumberWithUnitReader.Read(text, i, out var skipTo);
            next = figure is null ? Math.Max(i + 1, skipTo) : next;
            return figure;
        }

        return null;
    }

    /// <summary>￥300, $20.</summary>
    private static RawFigure? ReadCurrencySymbol(string text, int i)
    {
        var c = text[i];
        return i + 1 < text.Length && ChineseNumerals.IsArabicDigit(text[i + 1]) && ChineseNumber.TryRead(text, i + 1, out var number, full: false)
            ? new RawFigure(i, number.End, QuantityKind.Money, number.Value, c is '$' or '＄' ? "$" : "元", null, Bound.Exact, null, false)
            : null;
    }

    /// <summary>亿元以上项目: a bare multiplier with a bound after it is one of it.</summary>
    private static RawFigure? ReadBareMultiplier(string text, int i)
    {
        var n = text.Length;
        if (!(i + 1 < n && (text[i + 1] == '元' || string.CompareOrdinal(text, i + 1, "美元", 0, 2) == 0))
            || (i > 0 && ChineseNumerals.CanStart(text[i - 1])))
        {
            return null;
        }

        var unitLength = text[i + 1] == '元' ? 1 : 2;
        if (BoundReader.MatchSuffix(text, i + 1 + unitLength) is not { Bound: not Bound.Approx } bound || bound.Word == "内")
        {
            return null;
        }

        return new RawFigure(i, i + 1 + unitLength, QuantityKind.Money, ChineseNumerals.BigUnit(text[i]), unitLength == 1 ? "元" : "美元", null, Bound.Exact, null, false);
    }

    /// <summary>A sign before the figure: 负3.9%, -22.2% (not the dash of a code such as A-3).</summary>
    private static RawFigure ApplySign(string text, RawFigure q)
    {
        if (q.Kind is QuantityKind.Ratio || q.Start == 0)
        {
            return q;
        }

        var before = text[q.Start - 1];
        var negative = before is '负' or '負' || (before is '-' or '－' && (q.Start == 1 || !char.IsLetterOrDigit(text[q.Start - 2])));
        return negative ? q with { Start = q.Start - 1, Value = -q.Value } : q;
    }

    /// <summary>What money is per, written after a slash: 10000元/台, 20元／平方米.</summary>
    private static RawFigure ApplyPerAfterSlash(string text, RawFigure q)
    {
        var end = q.End;
        if (q.Kind != QuantityKind.Money || end >= text.Length - 1 || text[end] is not ('/' or '／'))
        {
            return q;
        }

        var per = QuantityWords.MatchLongestAt(text, end + 1, QuantityWords.PerWords);
        return per is null ? q : q with { Per = per, End = end + 1 + per.Length };
    }

    private static Quantity ToQuantity(MappedText mapped, RawFigure q) =>
        new(mapped.Text[q.Start..q.End], mapped.ToSource(q.Start, q.End - q.Start), q.Kind, Normalize(q.Value), q.Unit, q.Per, q.Bound,
            q.High is { } h ? Normalize(h) : null);

    private static decimal Normalize(decimal d) => d / 1.0000000000000000000000000000m;

    /// <summary>百分之五十, 百分之2.4</summary>
    private static RawFigure? ReadPercentWords(string text, int i)
    {
        var k = i + 3;
        if (k >= text.Length || !ChineseNumber.TryRead(text, k, out var t))
        {
            return null;
        }

        var value = t.Value;
        var end = t.End;
        if (!t.HanOnly && end < text.Length && text[end] is 'k' or 'K' or 'Ｋ')
        {
            value *= 1000;
            end++;
        }

        return new RawFigure(i, end, QuantityKind.Percent, value, "%", null, Bound.Exact, null, false);
    }

    /// <summary>千分之三 = 0.3 %, 万分之五 = 0.05 %.</summary>
    private static RawFigure? ReadPerMille(string text, int i)
    {
        if (i > 0 && ChineseNumerals.CanStart(text[i - 1]))
        {
            return null;
        }

        var n = text.Length;
        var k = i;
        var denom = 1m;
        while (k < n && k - i < 4 && denom <= 100_000_000m)
        {
            var u = ChineseNumerals.SmallUnit(text[k]);
            var b = ChineseNumerals.BigUnit(text[k]);
            if (u > 0)
            {
                denom *= u;
            }
            else if (b > 0)
            {
                denom *= b;
            }
            else
            {
                break;
            }

            k++;
        }

        if (denom <= 100 || k + 2 >= n || text[k] != '分' || text[k + 1] != '之' || !ChineseNumber.TryRead(text, k + 2, out var num))
        {
            return null;
        }

        // The denominator is a power of ten, so dividing first is exact and keeps a long numerator in range.
        return new RawFigure(i, num.End, QuantityKind.Percent, num.Value / denom * 100, "%", null, Bound.Exact, null, false);
    }
}
