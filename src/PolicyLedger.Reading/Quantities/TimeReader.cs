using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Quantities;

/// <summary>The years a text's dates without a year are read in: the document's own (成文日期) and the year it plans for.</summary>
public sealed record TimeContext(int? DocumentYear, int? PlanYear)
{
    public static TimeContext None { get; } = new(null, null);

    /// <summary>The year a date without one takes: the plan's year, else the document's.</summary>
    public int? Year => PlanYear ?? DocumentYear;
}

/// <summary>
/// Reads times from policy text: dates and ranges (2023年1月1日—3月31日), months, quarters and years, deadlines and
/// open ends (6月底前, 至2024年12月31日, 自2022年12月1日起) and recurring periods (每季度, 每月10日前, 按月).
/// A hand-written scanner: one pass, no regular expressions, never throws.
/// </summary>
public static class TimeReader
{
    public static IReadOnlyList<TimeExpression> Read(MappedText text, TimeContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        context ??= TimeContext.None;
        // Nothing is caught here: odd text is read as far as it goes, and a bug in this reader surfaces at the facade (PL999).
        var list = new List<TimeExpression>();
        Scan(text, context, list);
        return list;
    }

    public static IReadOnlyList<TimeExpression> Read(string text, TimeContext context) => Read(MappedText.Identity(text ?? string.Empty), context);

    /// <summary>A date or period read at one place: its first and last day, and whether its year was not written.</summary>
    private sealed record Point(int Start, int End, DateOnly First, DateOnly Last, bool YearFromContext, int Year, int Month, bool HasYear, bool HasMonth);

    private static readonly string[] EndPrefixes = ["截止到", "截止至", "延长至", "延期至", "延续至", "截至", "截止", "延至", "直至", "至", "到"];
    private static readonly string[] StartPrefixes = ["自", "从"];
    private static readonly string[] Joiners = ["起至", "—", "–", "－", "-", "~", "～", "至", "到"];

    private static void Scan(MappedText mapped, TimeContext context, List<TimeExpression> list)
    {
        var text = mapped.Text;
        var n = text.Length;
        var i = 0;
        while (i < n)
        {
            var c = text[i];
            if (!ChineseNumerals.CanStart(c) && c is not ('年' or '全' or '每' or '按' or '今' or '本' or '明' or '去'))
            {
                i++;
                continue;
            }

            // Recurrences: 每季度, 每月10日前, 每半年, 按月
            if (c is '每' or '按')
            {
                var r = ReadRecurrence(text, i);
                if (r is { } rec)
                {
                    list.Add(new TimeExpression(text[i..rec.End], mapped.ToSource(i, rec.End - i), null, null, rec.Kind, false));
                    i = rec.End;
                    continue;
                }
            }

            if (c == '全' && i + 1 < n && text[i + 1] == '年' && context.Year is { } y
                && !(i + 2 < n && text[i + 2] is '度' or '龄') && !(i > 0 && ChineseNumerals.CanStart(text[i - 1])))
            {
                list.Add(new TimeExpression("全年", mapped.ToSource(i, 2), new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), null, true));
                i += 2;
                continue;
            }

            var p = ReadPoint(text, i, context, null);
            if (p is null)
            {
                i++;
                continue;
            }

            var start = p.Start;
            var end = p.End;
            DateOnly? first = p.First;
            DateOnly? last = p.Last;
            var fromContext = p.YearFromContext || text[p.Start] is '今' or '本' or '明' or '去';

            // prefix: 自/从 … 起, 至 …
            var startPrefix = start > 0 ? QuantityWords.MatchLongestBefore(text, start, StartPrefixes) : null;
            var endPrefix = start > 0 ? QuantityWords.MatchLongestBefore(text, start, EndPrefixes) : null;

            // range: DATE [期间] — DATE
            var k = end;
            var joiner = QuantityWords.MatchLongestAt(text, k, Joiners);
            Point? second = null;
            if (joiner is not null)
            {
                second = ReadPoint(text, k + joiner.Length, context, p);
            }

            if (second is not null)
            {
                last = second.Last;
                end = second.End;
                fromContext |= second.YearFromContext;
                if (startPrefix is not null)
                {
                    start -= startPrefix.Length;
                }
            }
            else if (startPrefix is not null && MatchAt(text, end, ["起", "开始", "以来"]) is { } qi)
            {
                start -= startPrefix.Length;
                end += qi.Length;
                last = null;
            }
            else if (MatchAt(text, end, ["起", "以后", "之后", "后"]) is { } after && !(after == "后" && end + 1 < n && Cjk.IsHan(text[end + 1]) && text[end + 1] != '，'))
            {
                end += after.Length;
                last = null;
            }
            else if (endPrefix is not null && !(endPrefix is "到" && start >= 2 && text[start - 2] == '达'))
            {
                start -= endPrefix.Length;
                first = null;
            }
            else if (MatchAt(text, end, ["之前", "以前", "前"]) is { } before)
            {
                end += before.Length;
                first = null;
            }

            list.Add(new TimeExpression(text[start..end], mapped.ToSource(start, end - start), first, last, null, fromContext));
            i = end;
        }
    }

    private static string? MatchAt(string text, int at, string[] words) => QuantityWords.MatchLongestAt(text, at, words);

    private readonly record struct Recurrence(int End, string Kind);

    private static Recurrence? ReadRecurrence(string text, int i)
    {
        var n = text.Length;
        var k = i + 1;
        if (text[i] == '每')
        {
            // 每人每月: a rate, not a time
            if (i > 0 && text[i - 1] is '人' or '户' or '业' or '台' or '套' or '亩' or '米' or '家')
            {
                return null;
            }

            if (k < n && text[k] == '个')
            {
                k++;
            }
        }

        var word = MatchAt(text, k, ["季度", "半年", "星期", "周", "月", "年", "天", "日", "旬", "季"]);
        if (word is null)
        {
            return null;
        }

        if (text[i] == '按' && word is "天" or "日" or "旬" or "星期")
        {
            return null;
        }

        var kind = word switch
        {
            "季度" or "季" => "quarter",
            "半年" => "half-year",
            "周" or "星期" => "week",
            "月" => "month",
            "年" => "year",
            "旬" => "ten-days",
            _ => "day",
        };
        var end = k + word.Length;
        if (end < n && word is "季" && text[end] == '节')
        {
            return null;
        }

        if (word is "年" && end < n && text[end] is '度' or '级' or '化' or '龄' or '均')
        {
            return null;
        }

        // 每年不超过30万元: a rate
        if (QuantityWords.MatchLongestAt(text, end, QuantityWords.PrefixWords) is not null
            || (end < n && ChineseNumerals.IsArabicDigit(text[end]) && !IsDayAfter(text, end)))
        {
            return null;
        }

        if (MatchAt(text, end, ["末", "初", "底"]) is { } edge)
        {
            end += edge.Length;
        }
        else if (word == "月" && end < n && ChineseNumerals.IsArabicDigit(text[end]))
        {
            // 每月10日前
            var j = end;
            while (j < n && ChineseNumerals.IsArabicDigit(text[j]))
            {
                j++;
            }

            if (j < n && text[j] is '日' or '号')
            {
                j++;
                if (MatchAt(text, j, ["之前", "以前", "前"]) is { } b)
                {
                    j += b.Length;
                }

                end = j;
            }
        }
        else if (word is "周" or "星期" && end < n && ChineseNumerals.Digit(text[end]) is >= 1 and <= 6 || (word is "周" && end < n && text[end] == '日'))
        {
            end++;
        }

        return new Recurrence(end, kind);
    }

    private static bool IsDayAfter(string text, int at)
    {
        var j = at;
        while (j < text.Length && ChineseNumerals.IsArabicDigit(text[j]))
        {
            j++;
        }

        return j < text.Length && text[j] is '日' or '号';
    }

    /// <summary>
    /// A date or period at <paramref name="i"/>: 2023年, 2023年6月, 2023年6月30日, 2023年第一季度, 2023年上半年, 6月底, 3月31日,
    /// 年底. <paramref name="anchor"/> is the first date of a range (its year and month carry over).
    /// </summary>
    private static Point? ReadPoint(string text, int i, TimeContext context, Point? anchor)
    {
        var n = text.Length;
        if (i >= n)
        {
            return null;
        }

        int? year = null;
        var k = i;

        // year: 2023年, 二〇二三年, 2023-01-01
        if (ChineseNumerals.TryReadInteger(text, k, 4, digitByDigit: true, out var yv, out var ye) && yv is >= 1000 and <= 2999 && ye - k >= 4 && (k == 0 || !ChineseNumerals.CanStart(text[k - 1])))
        {
            if (ye < n && text[ye] == '年')
            {
                year = yv;
                k = ye + 1;
                if (k < n && text[k] == '度')
                {
                    k++;
                    return new Point(i, k, new DateOnly(yv, 1, 1), new DateOnly(yv, 12, 31), false, yv, 0, true, false);
                }
            }
            else if (ye < n - 3 && text[ye] is '-' or '/' or '.' && ChineseNumerals.TryReadInteger(text, ye + 1, 2, digitByDigit: false, out var mv, out var me) && mv is >= 1 and <= 12
                     && me < n - 1 && text[me] == text[ye] && ChineseNumerals.TryReadInteger(text, me + 1, 2, digitByDigit: false, out var dv, out var de) && ValidDay(yv, mv, dv))
            {
                var d = new DateOnly(yv, mv, dv);
                return new Point(i, de, d, d, false, yv, mv, true, true);
            }
            else if (anchor is null && ye < n && text[ye] is '—' or '–' or '-' or '－' or '~' or '～' or '至' or '到'
                     && ChineseNumerals.TryReadInteger(text, ye + 1, 4, digitByDigit: true, out var y2, out var y2e) && y2 is >= 1900 and <= 2100 && y2e < n && text[y2e] == '年')
            {
                // 2022—2024年
                return new Point(i, y2e + 1, new DateOnly(yv, 1, 1), new DateOnly(y2, 12, 31), false, yv, 0, true, false);
            }
            else
            {
                return null;
            }
        }
        else if (ChineseNumerals.IsHanNumeral(text[k]) && (k == 0 || !ChineseNumerals.CanStart(text[k - 1])) && ChineseNumber.TryRead(text, k, out var hy, full: false)
                 && hy.HanOnly && hy.Value is >= 1000 and <= 2999 && hy.Value == Math.Floor(hy.Value) && hy.End < n && text[hy.End] == '年')
        {
            // 两千零四年
            year = (int)hy.Value;
            k = hy.End + 1;
        }
        else if (anchor is null && k < n && text[k] == '年' && k + 1 < n && text[k + 1] is '底' or '末' or '初' or '中' && context.Year is { } cy
                 && (k == 0 || !ChineseNumerals.CanStart(text[k - 1]) && text[k - 1] is not '当' and not '每' and not '半' and not '全'))
        {
            // 年底前: the document's year
            var (f, l) = text[k + 1] switch
            {
                '底' or '末' => (new DateOnly(cy, 12, 31), new DateOnly(cy, 12, 31)),
                '初' => (new DateOnly(cy, 1, 1), new DateOnly(cy, 1, 31)),
                _ => (new DateOnly(cy, 6, 1), new DateOnly(cy, 7, 31)),
            };
            return new Point(i, k + 2, f, l, true, cy, 0, false, false);
        }

        var relative = false;
        if (year is null && anchor is null && k + 1 < n && text[k + 1] == '年' && text[k] is '今' or '本' or '明' or '去' && context.DocumentYear is { } docYear
            && !(k + 2 < n && text[k + 2] is '度' or '代' or '级'))
        {
            // 今年, 明年, 去年: relative to the document's own year
            year = docYear + text[k] switch { '明' => 1, '去' => -1, _ => 0 };
            relative = true;
            k += 2;
        }

        var hasYear = year is not null;
        var contextYear = relative;
        var yy = year ?? anchor?.Year ?? 0;

        // quarter and half year after a year: 2023年第一季度, 2023年一季度, 2023年上半年
        if (hasYear || anchor is not null)
        {
            var q = k;
            if (q < n && text[q] == '第')
            {
                q++;
            }

            if (q < n && ChineseNumerals.Digit(text[q]) is >= 1 and <= 4 or -1 && (ChineseNumerals.Digit(text[q]) >= 1 || text[q] is >= '1' and <= '4')
                && q + 1 < n && (string.CompareOrdinal(text, q + 1, "季度", 0, 2) == 0))
            {
                var qn = ChineseNumerals.Digit(text[q]) >= 1 ? ChineseNumerals.Digit(text[q]) : text[q] - '0';
                if (qn is >= 1 and <= 4 && yy > 0)
                {
                    var f = new DateOnly(yy, (qn - 1) * 3 + 1, 1);
                    var l = f.AddMonths(3).AddDays(-1);
                    var qe = q + 3;
                    if (qe < n && text[qe] is '末' or '底')
                    {
                        return new Point(i, qe + 1, l, l, !hasYear && anchor is null, yy, 0, hasYear, false);
                    }

                    return new Point(i, qe, f, l, false, yy, 0, hasYear, false);
                }
            }

            if (hasYear && k + 2 < n && text[k + 1] == '半' && text[k + 2] == '年' && text[k] is '上' or '下')
            {
                var f = new DateOnly(yy, text[k] == '上' ? 1 : 7, 1);
                return new Point(i, k + 3, f, f.AddMonths(6).AddDays(-1), false, yy, 0, true, false);
            }
        }

        // month
        if (!(ChineseNumerals.TryReadInteger(text, k, 2, digitByDigit: false, out var month, out var mEnd) && month is >= 1 and <= 12 && mEnd < n && text[mEnd] == '月'))
        {
            if (hasYear)
            {
                if (k + 1 < n && text[k] == '年' && text[k + 1] is '底' or '末' or '初')
                {
                    // 2023年年底, 2023年年初
                    var (f, l) = text[k + 1] == '初' ? (new DateOnly(yy, 1, 1), new DateOnly(yy, 1, 31)) : (new DateOnly(yy, 12, 31), new DateOnly(yy, 12, 31));
                    return new Point(i, k + 2, f, l, false, yy, 0, true, false);
                }

                if (k < n && text[k] is '底' or '末')
                {
                    var dec = new DateOnly(yy, 12, 31);
                    return new Point(i, k + 1, dec, dec, false, yy, 0, true, false);
                }

                return new Point(i, k, new DateOnly(yy, 1, 1), new DateOnly(yy, 12, 31), false, yy, 0, true, false);
            }

            // a day after a range start with a month: 1日至5日
            if (anchor is { HasMonth: true } && ChineseNumerals.TryReadInteger(text, k, 2, digitByDigit: false, out var dOnly, out var dEnd2) && dEnd2 < n && text[dEnd2] is '日' or '号' && ValidDay(anchor.Year, anchor.Month, dOnly))
            {
                var d = new DateOnly(anchor.Year, anchor.Month, dOnly);
                return new Point(i, dEnd2 + 1, d, d, anchor.YearFromContext, anchor.Year, anchor.Month, false, true);
            }

            return null;
        }

        if (!hasYear)
        {
            if (k > 0 && (ChineseNumerals.CanStart(text[k - 1]) || text[k - 1] is '每' or '第' or '个' or '.' or '．'))
            {
                return null;
            }

            if (anchor is not null)
            {
                yy = anchor.Year;
            }
            else if (context.Year is { } cy)
            {
                yy = cy;
                contextYear = true;
            }
            else
            {
                return null;
            }
        }

        k = mEnd + 1;
        if (k < n && text[k] == '份')
        {
            k++;
        }

        var monthFirst = new DateOnly(yy, month, 1);
        var monthLast = monthFirst.AddMonths(1).AddDays(-1);

        // day
        if (ChineseNumerals.TryReadInteger(text, k, 2, digitByDigit: false, out var day, out var dEnd) && day >= 1)
        {
            var written = dEnd < n && text[dEnd] is '日' or '号';
            if (written && !ValidDay(yy, month, day))
            {
                return null; // 2月30日: no such day
            }

            // 八月十五: a Chinese day needs no 日 at the end of a phrase
            var bare = !written && ChineseNumerals.IsHanNumeral(text[k]) && (dEnd >= n || !Cjk.IsHan(text[dEnd])) && ValidDay(yy, month, day);
            if (written || bare)
            {
                var d = new DateOnly(yy, month, day);
                return new Point(i, written ? dEnd + 1 : dEnd, d, d, contextYear, yy, month, hasYear, true);
            }
        }

        if (k < n && text[k] is '底' or '末')
        {
            return new Point(i, k + 1, monthLast, monthLast, contextYear, yy, month, hasYear, true);
        }

        if (k + 1 < n && text[k] == '月' && text[k + 1] is '底' or '末')
        {
            return new Point(i, k + 2, monthLast, monthLast, contextYear, yy, month, hasYear, true); // 6月月底
        }

        if (k + 1 < n && text[k + 1] == '旬' && text[k] is '上' or '中' or '下')
        {
            var (a, b) = text[k] switch { '上' => (1, 10), '中' => (11, 20), _ => (21, monthLast.Day) };
            return new Point(i, k + 2, new DateOnly(yy, month, a), new DateOnly(yy, month, b), contextYear, yy, month, hasYear, true);
        }

        if (k < n && text[k] == '初')
        {
            return new Point(i, k + 1, monthFirst, new DateOnly(yy, month, 10), contextYear, yy, month, hasYear, true);
        }

        // a bare month without a year is a time only where it reads as one: 6月前, 6月起, 6月—9月
        if (!hasYear && anchor is null && !(k < n && (text[k] is '前' or '起' or '—' or '至' or '到' or '－' or '-' or '~' or '～' || text[k] == '份')) && !(mEnd + 1 < n && text[mEnd + 1] == '份'))
        {
            return null;
        }

        return new Point(i, k, monthFirst, monthLast, contextYear, yy, month, hasYear, true);
    }

    private static bool ValidDay(int y, int m, int d) => y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
}
