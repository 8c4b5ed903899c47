using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Quantities;

/// <summary>A bound written after a bracket (15万元（…45万元）以下) that covers the figures inside it, up to <see cref="End"/>.</summary>
internal readonly record struct BracketBound(int End, Bound Bound)
{
    public static BracketBound None { get; } = new(-1, Bound.Exact);
}

/// <summary>
/// The words that bound a figure: before it (最高, 不低于, 超过 …, and 不超过…的30%), after it (以上, 以下, 左右, 以内),
/// after a bracket that follows it, up to a second figure (超过30套（含）不足100套), and across a list (不少于300人、600人).
/// Pure functions of the text and the figure; <see cref="QuantityReader"/> calls them in order.
/// </summary>
internal static class BoundReader
{
    private const int BracketLookahead = 40;

    private static readonly string[] RangeJoiners = ["但不超过", "但不高于", "但低于", "不足", "至", "到", "但"];

    /// <summary>What the words after a figure did: the figure with its bound and end, how far they reach, and a bracket's bound.</summary>
    public readonly record struct After(RawFigure Figure, int Consumed, BracketBound? Bracket);

    /// <summary>Bounds and per-phrases written before the figure.</summary>
    public static RawFigure ApplyPrefix(string text, RawFigure q)
    {
        var p = q.Start;
        var bound = q.Bound;
        var prefixBound = false;
        var boundStart = p;

        // 最高补助500万元, 最低可降至5%, 不低于60元
        var scan = p;
        for (var guard = 0; guard < 3; guard++)
        {
            var word = QuantityWords.MatchLongestBefore(text, scan, QuantityWords.PrefixWords);
            if (word is not null)
            {
                var b = QuantityWords.Prefix.First(x => x.Word == word).Bound;
                if (word == "超" && scan >= 2 && text[scan - 2] == '不')
                {
                    break;
                }

                if (!prefixBound || bound == Bound.Exact)
                {
                    bound = b;
                }

                prefixBound = true;
                scan -= word.Length;
                boundStart = scan;
                continue;
            }

            var filler = QuantityWords.MatchLongestBefore(text, scan, QuantityWords.Fillers);
            if (filler is not null && !prefixBound)
            {
                scan -= filler.Length;
                continue;
            }

            break;
        }

        if (!prefixBound && q.Start > 0 && text[q.Start - 1] == '的' && q.Kind is QuantityKind.Percent or QuantityKind.Money)
        {
            // 不超过设备、软件实际投资的30%
            var from = Math.Max(0, q.Start - 20);
            for (var k = q.Start - 2; k >= from; k--)
            {
                if (QuantityWords.IsClauseBreak(text[k]) || ChineseNumerals.IsArabicDigit(text[k]))
                {
                    break;
                }

                var w = QuantityWords.MatchAt(text, k, ["不超过", "不高于", "不低于", "不少于", "最高", "最多"]);
                if (w is null)
                {
                    continue;
                }

                if (w is "最高" or "最多" && QuantityWords.MatchAt(text, k + 2, QuantityWords.Fillers) is null)
                {
                    break;
                }

                bound = w is "不低于" or "不少于" ? Bound.Min : Bound.Max;
                prefixBound = true;
                break;
            }
        }

        var per = q.Kind == QuantityKind.Money ? PerReader.Find(text, prefixBound ? boundStart : q.Start, scan) : null;
        if (!prefixBound && bound == q.Bound && per is null)
        {
            return q;
        }

        return q with { Bound = bound, PrefixBound = prefixBound, Per = per ?? q.Per };
    }

    /// <summary>
    /// The words after a figure: a bracket that repeats the bound (（含90平方米）, skipped), a bound after a bracket
    /// (which covers the figures inside it), or a bound suffix (以上, 以下, 左右; 内 only for measures).
    /// </summary>
    public static After ReadAfter(string text, RawFigure q)
    {
        var n = text.Length;
        var consumed = q.End;
        if (consumed < n && text[consumed] is '（' or '(')
        {
            var close = FindClose(text, consumed);
            if (close > 0)
            {
                if (text[consumed + 1] == '含')
                {
                    consumed = close + 1; // （含90平方米）: the bound repeated, not a new figure
                }
                else if (MatchSuffix(text, close + 1) is { } afterBracket)
                {
                    return new After(q with { Bound = afterBracket.Bound }, consumed, new BracketBound(close, afterBracket.Bound));
                }
            }
        }

        if (consumed >= n || MatchSuffix(text, consumed) is not { } suffix || (suffix.Word == "内" && q.Kind != QuantityKind.Measure))
        {
            return new After(q, consumed, null);
        }

        if (q.Bound is Bound.Exact or Bound.Approx || !q.PrefixBound || suffix.Bound == q.Bound)
        {
            q = q with { Bound = suffix.Bound };
        }

        consumed += suffix.Word.Length;
        q = q with { End = consumed };
        return new After(q, SkipRepeatedBound(text, consumed), null);
    }

    /// <summary>A bracket that repeats the bound just read ((含), （含本数）) is skipped.</summary>
    private static int SkipRepeatedBound(string text, int at)
    {
        if (at + 1 < text.Length && text[at] is '（' or '(' && text[at + 1] == '含')
        {
            var close = FindClose(text, at);
            if (close > 0)
            {
                return close + 1;
            }
        }

        return at;
    }

    /// <summary>
    /// A lower bound followed by an upper one makes a range: 超过30套（含）不足100套, 90平方米以上（含90平方米）至144平方米以下,
    /// 超过100万元但不超过300万元. Returns the figure and how far the text was read.
    /// </summary>
    public static (RawFigure Figure, int Consumed) ReadRangeTop(string text, RawFigure q, int consumed)
    {
        if (q.Bound != Bound.Min || QuantityWords.MatchLongestAt(text, consumed, RangeJoiners) is not { } joiner)
        {
            return (q, consumed);
        }

        var k = consumed + joiner.Length;
        if (k >= text.Length || !ChineseNumerals.CanStart(text[k]) || NumberWithUnitReader.Read(text, k, out _) is not { } top || top.Unit != q.Unit)
        {
            return (q, consumed);
        }

        var end = top.End;
        var hasMax = joiner is "不足" or "但不超过" or "但不高于" or "但低于";
        if (MatchSuffix(text, end) is { Bound: Bound.Max } max)
        {
            hasMax = true;
            end += max.Word.Length;
        }

        return hasMax ? (q with { Bound = Bound.Range, High = top.Value, End = end }, end) : (q, consumed);
    }

    /// <summary>A bound stated once for a list covers the next figure of the same unit: 不少于300人、600人.</summary>
    public static RawFigure CarryListBound(string text, RawFigure? last, RawFigure q) =>
        last is { PrefixBound: true } && q.Bound == Bound.Exact && !q.PrefixBound && q.Start > 0 && text[q.Start - 1] == '、'
        && last.End == q.Start - 1 && last.Unit == q.Unit
            ? q with { Bound = last.Bound, PrefixBound = true }
            : q;

    /// <summary>A bound after a bracket covers the figures inside it: 15万元（按季度缴纳的季度销售额45万元）以下.</summary>
    public static RawFigure CoverByBracket(RawFigure q, BracketBound bracket) =>
        q.Start < bracket.End && q.Bound == Bound.Exact ? q with { Bound = bracket.Bound } : q;

    public static (string Word, Bound Bound)? MatchSuffix(string text, int at)
    {
        foreach (var s in QuantityWords.Suffix)
        {
            if (at + s.Word.Length <= text.Length && string.CompareOrdinal(text, at, s.Word, 0, s.Word.Length) == 0)
            {
                // 内 only as a bound of a duration: 1年内; not 区内, 省内
                if (s.Word == "内" && at + 1 < text.Length && text[at + 1] is '容' or '部' or '涵' or '外' or '在')
                {
                    continue;
                }

                if (s.Word == "上下" && at + 2 < text.Length && Cjk.IsHan(text[at + 2]))
                {
                    continue;
                }

                return s;
            }
        }

        return null;
    }

    private static int FindClose(string text, int open)
    {
        var closeChar = text[open] == '（' ? '）' : ')';
        var limit = Math.Min(text.Length, open + BracketLookahead);
        for (var k = open + 1; k < limit; k++)
        {
            if (text[k] == closeChar || text[k] is '）' or ')')
            {
                return k;
            }

            if (text[k] is '（' or '(' or '。')
            {
                return -1;
            }
        }

        return -1;
    }
}
