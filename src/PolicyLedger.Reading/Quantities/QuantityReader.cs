using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Quantities;

/// <summary>
/// Reads the figures of a piece of policy text: money (元, 美元; 万/亿 multiplied out), percentages, counts and
/// measures with their measure word, ratios; with what an amount is per (元/台, 每平方米) and its bound
/// (最高, 以上, 左右, 300万—600万美元). A hand-written scanner: one pass, no regular expressions, never throws.
/// </summary>
public static class QuantityReader
{
    private const int BracketLookahead = 40;

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

    private sealed record Raw(int Start, int End, QuantityKind Kind, decimal Value, string Unit, string? Per, Bound Bound, decimal? High, bool PrefixBound);

    private static void Scan(MappedText mapped, List<Quantity> list)
    {
        var text = mapped.Text;
        var n = text.Length;
        var i = 0;
        Raw? last = null;
        var bracketBoundEnd = -1;
        var bracketBound = Bound.Exact;

        while (i < n)
        {
            var c = text[i];
            Raw? q = null;
            if (c is '百' or '佰' && i + 2 < text.Length && text[i + 1] == '分' && text[i + 2] == '之' && (i == 0 || !ChineseNumerals.IsHanNumeral(text[i - 1])))
            {
                q = ReadPercentWords(text, i);
            }
            else if (c is '千' or '万' or '百' or '仟' or '萬' or '佰' or '亿' && ReadPerMille(text, i) is { } pm)
            {
                q = pm;
            }
            else if (c is '$' or '＄' or '￥' or '¥' && i + 1 < n && ChineseNumerals.IsArabicDigit(text[i + 1]) && ChineseNumber.TryRead(text, i + 1, out var sym, full: false))
            {
                q = new Raw(i, sym.End, QuantityKind.Money, sym.Value, c is '$' or '＄' ? "$" : "元", null, Bound.Exact, null, false);
            }
            else if (c is '对' or '對' && i + 1 < n && text[i + 1] == '折' && i > 0 && text[i - 1] == '打')
            {
                q = new Raw(i, i + 2, QuantityKind.Percent, 50m, "%", null, Bound.Exact, null, false);
            }
            else if (c is '亿' or '万' && i + 1 < n && (text[i + 1] == '元' || string.CompareOrdinal(text, i + 1, "美元", 0, 2) == 0)
                     && (i == 0 || !ChineseNumerals.CanStart(text[i - 1]))
                     && MatchSuffix(text, i + (text[i + 1] == '元' ? 2 : 3)) is { Bound: not Bound.Approx } bareBound && bareBound.Word != "内")
            {
                // 亿元以上项目: a bare multiplier is one of it
                var value = ChineseNumerals.BigUnit(c);
                var unitLen = text[i + 1] == '元' ? 1 : 2;
                q = new Raw(i, i + 1 + unitLen, QuantityKind.Money, value, unitLen == 1 ? "元" : "美元", null, Bound.Exact, null, false);
            }
            else if (ChineseNumerals.CanStart(c) || (c == '半' && i + 1 < n && text[i + 1] is '年' or '成' or '折'))
            {
                q = ReadNumberAt(text, i, out var skipTo);
                if (q is null)
                {
                    i = Math.Max(i + 1, skipTo);
                    continue;
                }
            }

            if (q is null)
            {
                i++;
                continue;
            }

            // A sign: 负3.9%, -22.2%
            if (q.Kind is not QuantityKind.Ratio && q.Start > 0
                && (text[q.Start - 1] is '负' or '負' || (text[q.Start - 1] is '-' or '－' && (q.Start == 1 || !char.IsLetterOrDigit(text[q.Start - 2])))))
            {
                q = q with { Start = q.Start - 1, Value = -q.Value };
            }

            // Prefix bound and per
            q = ApplyPrefix(text, q);

            // Suffix: per (/台), brackets, bound
            var end = q.End;
            if (q.Kind == QuantityKind.Money && end < n - 1 && text[end] is '/' or '／')
            {
                var per = QuantityWords.MatchLongestAt(text, end + 1, QuantityWords.PerWords);
                if (per is not null)
                {
                    q = q with { Per = per, End = end + 1 + per.Length };
                    end = q.End;
                }
            }

            var consumed = end;
            var innerBound = false;
            if (consumed < n && text[consumed] is '（' or '(')
            {
                var close = FindClose(text, consumed);
                if (close > 0)
                {
                    if (text[consumed + 1] == '含')
                    {
                        consumed = close + 1; // （含90平方米）: the bound repeated, not a new figure
                    }
                    else
                    {
                        var after = MatchSuffix(text, close + 1);
                        if (after is { } sb)
                        {
                            q = q with { Bound = sb.Bound };
                            bracketBoundEnd = close;
                            bracketBound = sb.Bound;
                            innerBound = true;
                        }
                    }
                }
            }

            if (!innerBound && consumed < n)
            {
                var sfx = MatchSuffix(text, consumed);
                if (sfx is { } s2 && !(s2.Word == "内" && q.Kind != QuantityKind.Measure))
                {
                    if (q.Bound is Bound.Exact or Bound.Approx || !q.PrefixBound || s2.Bound == q.Bound)
                    {
                        q = q with { Bound = s2.Bound };
                    }

                    consumed += s2.Word.Length;
                    q = q with { End = consumed };
                    if (consumed < n && text[consumed] is '（' or '(' && consumed + 1 < n && text[consumed + 1] == '含')
                    {
                        var close = FindClose(text, consumed);
                        if (close > 0)
                        {
                            consumed = close + 1;
                        }
                    }
                }
            }

            // Range: 超过30套（含）不足100套, 90平方米以上（含90平方米）至144平方米以下, 超过100万元但不超过300万元
            if (q.Bound == Bound.Min)
            {
                var j = consumed;
                var joiner = QuantityWords.MatchLongestAt(text, j, ["但不超过", "但不高于", "但低于", "不足", "至", "到", "但"]);
                if (joiner is not null)
                {
                    var k = j + (joiner is "不足" or "但不超过" or "但不高于" or "但低于" ? joiner.Length : joiner.Length);
                    var hasMax = joiner is "不足" or "但不超过" or "但不高于" or "但低于";
                    if (k < n && ChineseNumerals.CanStart(text[k]) && ReadNumberAt(text, k, out _) is { } q2 && q2.Unit == q.Unit)
                    {
                        var e2 = q2.End;
                        var sfx2 = MatchSuffix(text, e2);
                        if (sfx2 is { Bound: Bound.Max } m)
                        {
                            hasMax = true;
                            e2 += m.Word.Length;
                        }
                        else if (!hasMax && joiner == "但" && QuantityWords.MatchLongestBefore(text, k, QuantityWords.PrefixWords) is null)
                        {
                            hasMax = false;
                        }

                        if (hasMax)
                        {
                            q = q with { Bound = Bound.Range, High = q2.Value, End = e2 };
                            consumed = e2;
                        }
                    }
                }
            }

            // A bound stated once for a list: 不少于300人、600人
            if (last is { PrefixBound: true } && q.Bound == Bound.Exact && !q.PrefixBound && q.Start > 0 && text[q.Start - 1] == '、'
                && last.End == q.Start - 1 && last.Unit == q.Unit)
            {
                q = q with { Bound = last.Bound, PrefixBound = true };
            }

            // A bound after a bracket covers the figures inside it: 15万元（按季度缴纳的季度销售额45万元）以下
            if (q.Start < bracketBoundEnd && q.Bound == Bound.Exact)
            {
                q = q with { Bound = bracketBound };
            }

            list.Add(ToQuantity(mapped, q));
            last = q;
            i = Math.Max(consumed, q.End);
            if (innerBound)
            {
                i = q.End;
            }
        }
    }

    private static Quantity ToQuantity(MappedText mapped, Raw q) =>
        new(mapped.Text[q.Start..q.End], mapped.ToSource(q.Start, q.End - q.Start), q.Kind, Normalize(q.Value), q.Unit, q.Per, q.Bound,
            q.High is { } h ? Normalize(h) : null);

    private static decimal Normalize(decimal d) => d / 1.0000000000000000000000000000m;

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

    private static (string Word, Bound Bound)? MatchSuffix(string text, int at)
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

    /// <summary>百分之五十, 百分之2.4</summary>
    private static Raw? ReadPercentWords(string text, int i)
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

        return new Raw(i, end, QuantityKind.Percent, value, "%", null, Bound.Exact, null, false);
    }

    /// <summary>A number followed by its unit, or null (years, dates, ordinals, grades, numbers without a unit).</summary>
    private static Raw? ReadNumberAt(string text, int i, out int skipTo)
    {
        try
        {
            return ReadNumberAtCore(text, i, out skipTo);
        }
        catch (OverflowException)
        {
            skipTo = i + 1; // a figure beyond decimal's range is not read
            return null;
        }
    }

    private static Raw? ReadNumberAtCore(string text, int i, out int skipTo)
    {
        skipTo = i + 1;
        var n = text.Length;
        NumberToken t;
        if (text[i] == '半')
        {
            t = new NumberToken(i, 1, 0.5m, true, 1, false, false);
            if (i > 0 && text[i - 1] is '每' or '上' or '下' or '前' or '后' or '减' or '过' or '多')
            {
                return null;
            }
        }
        else if (!ChineseNumber.TryRead(text, i, out t, full: true))
        {
            while (skipTo < n && ChineseNumerals.IsHanNumeral(text[skipTo]))
            {
                skipTo++; // 二三十: not a number, nor is 三十 inside it
            }

            return null;
        }

        skipTo = t.End;
        var prev = i > 0 ? text[i - 1] : ' ';
        if (prev is '第' or '〔' or '[' or '［' or '.' or '．' || char.IsAsciiLetter(prev) || ChineseNumerals.IsArabicDigit(prev))
        {
            return null; // ordinals, document numbers, codes
        }

        // Chinese numerals inside words: 一般, 统一, 一次性; only stand-alone figures count
        var end = t.End;
        if (end < n && char.IsAsciiLetter(text[end]) && LatinUnit(text, end) is { } latin)
        {
            return new Raw(i, end + latin.Length, QuantityKind.Measure, t.Value, latin.ToLowerInvariant(), null, Bound.Exact, null, false);
        }

        if (end < n && (char.IsAsciiLetter(text[end]) && !(text[end] is 'k' or 'K' && (end + 1 >= n || !char.IsAsciiLetter(text[end + 1]))) || text[end] is '＋' or '+'))
        {
            return null; // 5A, 4A, 5G
        }

        if (!t.HanOnly && end < n && text[end] is 'k' or 'K' or 'Ｋ' && (end + 1 >= n || !char.IsAsciiLetter(text[end + 1])))
        {
            t = t with { Value = t.Value * 1000, Length = t.Length + 1 }; // 15k个百分点
            end++;
        }

        var approx = t.Approximate;
        if (end < n && text[end] is '余' or '多' && end + 1 < n && !ChineseNumerals.IsHanNumeral(text[end + 1]))
        {
            approx = true;
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
        if (c is '%' or '％' && !approx)
        {
            return new Raw(i, end + 1, QuantityKind.Percent, t.Value, "%", null, bound, null, false);
        }

        if (c is '%' or '％')
        {
            return new Raw(i, end + 1, QuantityKind.Percent, t.Value, "%", null, bound, null, false);
        }

        // Ratios: 1∶1, 3：7
        if (c is '∶' or '：' or ':' && !t.HanOnly && end + 1 < n && ChineseNumerals.IsArabicDigit(text[end + 1])
            && ChineseNumber.TryRead(text, end + 1, out var right, full: true) && !right.HanOnly
            && (right.End >= n || !ChineseNumerals.IsArabicDigit(text[right.End])) && t.Value < 100 && right.Value < 100)
        {
            var isClock = right.End - right.Start == 2 && (right.End < n && text[right.End] is ':' or '：' || i + 2 == end && t.Value < 24);
            if (!isClock || c == '∶' || (right.End < n && text[right.End] is '比'))
            {
                return new Raw(i, right.End, QuantityKind.Ratio, t.Value, "∶", null, Bound.Exact, right.Value, false);
            }
        }

        // Ranges: 1—2个, 3—5家, 300万—600万美元
        if (c is '—' or '–' or '-' or '－' or '~' or '～' or '至' or '到' && end + 1 < n && !approx)
        {
            var k = end + 1;
            if (k < n && text[k] == '—')
            {
                k++;
            }

            if (k < n && ChineseNumerals.CanStart(text[k]) && ChineseNumber.TryRead(text, k, out var hi, full: true) && hi.HanOnly == t.HanOnly)
            {
                var unit = ReadUnit(text, hi.End, hi, out var kind, out var unitEnd);
                if (unit is not null && kind != QuantityKind.Ratio)
                {
                    var low = t.Value;
                    if (!t.HasMultiplier && hi.HasMultiplier && kind == QuantityKind.Money)
                    {
                        // 3—5万元: the multiplier is written once
                        low = t.Value * (hi.Value / Math.Max(1, TrailingMultiplierBase(text, hi)));
                    }

                    if (IsYearOrDate(text, t, end) || (t.DigitCount == 4 && unit == "年"))
                    {
                        return null;
                    }

                    return new Raw(i, unitEnd, kind, low, unit, null, Bound.Range, hi.Value, false);
                }
            }
        }

        if (c is '成' or '折' && !approx && TenthsPercent(text, t, end) is { } tenths)
        {
            return tenths;
        }

        if (!t.HanOnly && t.Length > 1 && text[end - 1] is '千' or '兆' && text[end] is '伏' or '瓦' or '米' or '克' or '帕' or '赫')
        {
            // 10千伏, 5兆瓦: the prefix belongs to the unit
            var prefix = text[end - 1];
            var unitName = prefix + text[end].ToString() + (text[end] == '瓦' && end + 1 < n && text[end + 1] == '时' ? "时" : "");
            var baseValue = t.Value / (prefix == '千' ? 1000m : 1_000_000_000_000m);
            return new Raw(i, end + unitName.Length - 1, QuantityKind.Measure, baseValue, unitName, null, bound, null, false);
        }

        var u = ReadUnit(text, end, t, out var k2, out var uEnd);
        if (u is null)
        {
            return null;
        }

        if (u == "年" && (t.DigitCount >= 3 || (t.HanOnly && t.DigitCount >= 2 && t.Value >= 1000) || IsDigitByDigitHan(text, t)))
        {
            return null; // 2023年, 二〇二三年
        }

        // A one-character Chinese numeral names things (两项补贴, 一次性, 三大改造) more often than it counts them
        if (t.HanOnly && t.Length == 1 && k2 == QuantityKind.Measure && !QuantityWords.ShortHanMeasures.Contains(u) && !approx)
        {
            return null;
        }

        if (t.HanOnly && k2 == QuantityKind.Measure && uEnd < n && IsNameContinuation(text, uEnd))
        {
            return null;
        }

        if (QuantityWords.NeverMeasures.Contains(u))
        {
            return null;
        }

        var amount = t.Value;
        if (k2 == QuantityKind.Measure && uEnd < n && text[uEnd] == '半' && QuantityWords.HalfAfter.Contains(u))
        {
            amount += 0.5m; // 一吨半, 三年半
            uEnd++;
        }

        if (k2 == QuantityKind.Money)
        {
            (amount, uEnd) = Cents(text, amount, uEnd, u);
        }

        return new Raw(i, uEnd, k2, amount, u, null, bound, null, false);
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
    private static Raw? TenthsPercent(string text, NumberToken t, int end)
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

        return new Raw(t.Start, e, QuantityKind.Percent, v, "%", null, Bound.Exact, null, false);
    }

    /// <summary>千分之三 = 0.3 %, 万分之五 = 0.05 %.</summary>
    private static Raw? ReadPerMille(string text, int i)
    {
        if (i > 0 && ChineseNumerals.CanStart(text[i - 1]))
        {
            return null;
        }

        var n = text.Length;
        var k = i;
        var denom = 1m;
        while (k < n && k - i < 4)
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

        return new Raw(i, num.End, QuantityKind.Percent, num.Value * 100 / denom, "%", null, Bound.Exact, null, false);
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

    private static bool IsYearOrDate(string text, NumberToken t, int end) => t.DigitCount == 4 && !t.HasMultiplier && t.Value is >= 1900 and <= 2100;

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

    /// <summary>Bounds and per-phrases written before the figure.</summary>
    private static Raw ApplyPrefix(string text, Raw q)
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

        var per = q.Kind == QuantityKind.Money ? FindPer(text, prefixBound ? boundStart : q.Start, scan) : null;
        if (!prefixBound && bound == q.Bound && per is null)
        {
            return q;
        }

        return q with { Bound = bound, PrefixBound = prefixBound, Per = per ?? q.Per };
    }

    /// <summary>每平方米补贴20元 → 平方米; 每人每月不低于60元 → 人/月; 单个企业每年 → 企业/年; 亩均投资超300万元 → 亩.</summary>
    private static string? FindPer(string text, int before, int afterFillers)
    {
        // look back in the clause
        var from = before;
        var limit = Math.Max(0, before - 24);
        var k = before - 1;
        for (; k >= limit; k--)
        {
            if (QuantityWords.IsClauseBreak(text[k]))
            {
                break;
            }
        }

        var clauseStart = k + 1;

        // X均 covers the whole clause
        for (var j = before - 2; j >= clauseStart; j--)
        {
            if (text[j + 1] == '均' && text[j] is '亩' or '人' or '户')
            {
                return text[j].ToString();
            }
        }

        // the last 每 or 单个 in the clause, followed by per words, then at most a few characters before the figure
        for (var j = before - 1; j >= clauseStart; j--)
        {
            if (text[j] != '每' && !(text[j] == '单' && j + 1 < text.Length && text[j + 1] == '个'))
            {
                continue;
            }

            // the start of a chain: 每人每月
            var chainStart = j;
            while (chainStart - 1 >= clauseStart)
            {
                var pj = text.LastIndexOf('每', chainStart - 1, Math.Min(6, chainStart - clauseStart));
                var sj = text.LastIndexOf("单个", chainStart - 1, Math.Min(6, chainStart - clauseStart), StringComparison.Ordinal);
                var prevStart = Math.Max(pj, sj);
                if (prevStart < 0)
                {
                    break;
                }

                if (ReadPerChain(text, prevStart, chainStart, out _) == chainStart)
                {
                    chainStart = prevStart;
                }
                else
                {
                    break;
                }
            }

            var chainEnd = ReadPerChain(text, chainStart, before, out var parts);
            if (chainEnd < 0 || parts.Count == 0)
            {
                return null;
            }

            var gap = before - chainEnd;
            if (gap > 6)
            {
                return null;
            }

            for (var g = chainEnd; g < before; g++)
            {
                if (!Cjk.IsHan(text[g]) || ChineseNumerals.IsHanNumeral(text[g]))
                {
                    return null;
                }
            }

            return string.Join("/", parts);
        }

        return null;
    }

    /// <summary>Reads 每X每Y or 单个X每Y from <paramref name="start"/>; returns where it ends, or -1.</summary>
    private static int ReadPerChain(string text, int start, int limit, out List<string> parts)
    {
        parts = [];
        var k = start;
        while (k < limit)
        {
            if (text[k] == '每')
            {
                k++;
                if (k < limit && ChineseNumerals.CanStart(text[k]) && ChineseNumber.TryRead(text, k, out var num))
                {
                    // 每100万美元
                    var ue = num.End;
                    var cur = QuantityWords.Currencies.FirstOrDefault(cw => string.CompareOrdinal(text, ue, cw.Word, 0, cw.Word.Length) == 0 && ue + cw.Word.Length <= limit);
                    if (cur.Word is not null)
                    {
                        parts.Add(text[k..(ue + cur.Word.Length)]);
                        k = ue + cur.Word.Length;
                        continue;
                    }

                    var mw = QuantityWords.MatchLongestAt(text, ue, QuantityWords.PerWords);
                    if (mw is not null && ue + mw.Length <= limit)
                    {
                        parts.Add(text[k..(ue + mw.Length)]);
                        k = ue + mw.Length;
                        continue;
                    }

                    return parts.Count > 0 ? k - 1 : -1;
                }

                if (k < limit && text[k] == '个')
                {
                    k++;
                }

                var w = QuantityWords.MatchLongestAt(text, k, QuantityWords.PerWords);
                if (w is null || k + w.Length > limit)
                {
                    return parts.Count > 0 ? k - 1 : -1;
                }

                parts.Add(w);
                k += w.Length;
                continue;
            }

            if (text[k] == '单' && k + 1 < limit && text[k + 1] == '个')
            {
                k += 2;
                var w = QuantityWords.MatchLongestAt(text, k, QuantityWords.PerWords);
                if (w is null || k + w.Length > limit)
                {
                    return -1;
                }

                parts.Add(w);
                k += w.Length;
                continue;
            }

            break;
        }

        return parts.Count > 0 ? k : -1;
    }
}
