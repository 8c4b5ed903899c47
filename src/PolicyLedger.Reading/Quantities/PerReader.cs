using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Quantities;

/// <summary>
/// What an amount is paid per, from the words before it: 每平方米补贴20元 → 平方米; 每人每月不低于60元 → 人/月;
/// 单个企业每年 → 企业/年; 每100万美元奖励10万元 → 100万美元; 亩均投资超300万元 → 亩 (for the whole clause).
/// </summary>
internal static class PerReader
{
    /// <summary>The per-phrase that ends a few characters before <paramref name="before"/> in its clause, or null.</summary>
    public static string? Find(string text, int before, int afterFillers)
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

                if (ReadChain(text, prevStart, chainStart, out _) == chainStart)
                {
                    chainStart = prevStart;
                }
                else
                {
                    break;
                }
            }

            var chainEnd = ReadChain(text, chainStart, before, out var parts);
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
    private static int ReadChain(string text, int start, int limit, out List<string> parts)
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
