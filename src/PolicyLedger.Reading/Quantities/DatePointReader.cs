using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Quantities;

/// <summary>A date or period read at one place: its first and last day, and whether its year was not written.</summary>
internal sealed record DatePoint(int Start, int End, DateOnly First, DateOnly Last, bool YearFromContext, int Year, int Month, bool HasYear, bool HasMonth);

/// <summary>
/// One date or period at a position: 2023年, 2023年度, 2023-01-01, 2022—2024年, 2023年6月, 2023年6月30日,
/// 2023年第一季度, 2023年上半年, 6月底, 3月31日, 上旬, 年底, 今年. The year comes first, then a quarter or half, then
/// the month and what is inside it; each is one named step. <see cref="TimeReader"/> joins points into ranges and
/// open ends.
/// </summary>
internal static class DatePointReader
{
    /// <summary>
    /// What the year part at the start of a point read: a whole point already (<see cref="Done"/>), no point at all
    /// (<see cref="Failed"/>), or a year (null where none was written) and where the rest starts.
    /// </summary>
    private readonly record struct YearPart(DatePoint? Done, bool Failed, int? Year, int Next, bool Relative)
    {
        public static YearPart Fail { get; } = new(null, true, null, 0, false);

        public static YearPart Point(DatePoint point) => new(point, false, null, 0, false);
    }

    /// <summary>
    /// The date or period at <paramref name="i"/>, or null. <paramref name="anchor"/> is the first date of a range
    /// (its year and month carry over to the second).
    /// </summary>
    public static DatePoint? Read(string text, int i, TimeContext context, DatePoint? anchor)
    {
        if (i >= text.Length)
        {
            return null;
        }

        var year = ReadYear(text, i, context, anchor);
        if (year.Done is { } done)
        {
            return done;
        }

        if (year.Failed)
        {
            return null;
        }

        var hasYear = year.Year is not null;
        var yy = year.Year ?? anchor?.Year ?? 0;
        var k = year.Next;
        if ((hasYear || anchor is not null) && ReadQuarterOrHalf(text, i, k, yy, hasYear, anchor) is { } part)
        {
            return part;
        }

        if (!(ChineseNumerals.TryReadInteger(text, k, 2, digitByDigit: false, out var month, out var monthEnd)
              && month is >= 1 and <= 12 && monthEnd < text.Length && text[monthEnd] == '月'))
        {
            return hasYear ? ReadYearWithoutMonth(text, i, k, yy) : ReadDayAfterAnchor(text, i, k, anchor);
        }

        var contextYear = year.Relative;
        if (!hasYear)
        {
            // A month without a year: the range's first date's year, else the document's (plan's) year.
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

        return ReadInMonth(text, i, monthEnd, yy, month, hasYear, contextYear, anchor);
    }

    /// <summary>The year: 2023年 (and 年度), an ISO date, a span of years, 两千零四年, 年底 of the document's year, 今年/明年/去年.</summary>
    private static YearPart ReadYear(string text, int i, TimeContext context, DatePoint? anchor)
    {
        var n = text.Length;
        var k = i;
        if (ChineseNumerals.TryReadInteger(text, k, 4, digitByDigit: true, out var yv, out var ye) && yv is >= 1000 and <= 2999 && ye - k >= 4
            && (k == 0 || !ChineseNumerals.CanStart(text[k - 1])))
        {
            return ReadAfterFourDigitYear(text, i, yv, ye, anchor);
        }

        if (ChineseNumerals.IsHanNumeral(text[k]) && (k == 0 || !ChineseNumerals.CanStart(text[k - 1])) && ChineseNumber.TryRead(text, k, out var hy, full: false)
            && hy.HanOnly && hy.Value is >= 1000 and <= 2999 && hy.Value == Math.Floor(hy.Value) && hy.End < n && text[hy.End] == '年')
        {
            return new YearPart(null, false, (int)hy.Value, hy.End + 1, false); // 两千零四年
        }

        if (anchor is null && ReadYearEndOfContext(text, i, context) is { } yearEnd)
        {
            return YearPart.Point(yearEnd);
        }

        if (anchor is null && k + 1 < n && text[k + 1] == '年' && text[k] is '今' or '本' or '明' or '去' && context.DocumentYear is { } docYear
            && !(k + 2 < n && text[k + 2] is '度' or '代' or '级') && docYear + text[k] switch { '明' => 1, '去' => -1, _ => 0 } is >= 1 and <= 9999 and var relative)
        {
            // 今年, 明年, 去年: relative to the document's own year
            return new YearPart(null, false, relative, k + 2, true);
        }

        return new YearPart(null, false, null, k, false);
    }

    /// <summary>After four digits: 2023年 (2023年度 is the whole year), 2023-01-01 / 2023/1/1, 2022—2024年; else no date.</summary>
    private static YearPart ReadAfterFourDigitYear(string text, int i, int yv, int ye, DatePoint? anchor)
    {
        var n = text.Length;
        if (ye < n && text[ye] == '年')
        {
            var k = ye + 1;
            return k < n && text[k] == '度'
                ? YearPart.Point(new DatePoint(i, k + 1, new DateOnly(yv, 1, 1), new DateOnly(yv, 12, 31), false, yv, 0, true, false))
                : new YearPart(null, false, yv, k, false);
        }

        if (ye < n - 3 && text[ye] is '-' or '/' or '.' && ChineseNumerals.TryReadInteger(text, ye + 1, 2, digitByDigit: false, out var mv, out var me)
            && mv is >= 1 and <= 12 && me < n - 1 && text[me] == text[ye]
            && ChineseNumerals.TryReadInteger(text, me + 1, 2, digitByDigit: false, out var dv, out var de) && ValidDay(yv, mv, dv))
        {
            var d = new DateOnly(yv, mv, dv);
            return YearPart.Point(new DatePoint(i, de, d, d, false, yv, mv, true, true));
        }

        if (anchor is null && ye < n && text[ye] is '—' or '–' or '-' or '－' or '~' or '～' or '至' or '到'
            && ChineseNumerals.TryReadInteger(text, ye + 1, 4, digitByDigit: true, out var y2, out var y2e) && y2 is >= 1900 and <= 2100
            && y2e < n && text[y2e] == '年')
        {
            // 2022—2024年
            return YearPart.Point(new DatePoint(i, y2e + 1, new DateOnly(yv, 1, 1), new DateOnly(y2, 12, 31), false, yv, 0, true, false));
        }

        return YearPart.Fail;
    }

    /// <summary>年底, 年末, 年初, 年中 without a year: in the document's (plan's) year.</summary>
    private static DatePoint? ReadYearEndOfContext(string text, int i, TimeContext context)
    {
        var k = i;
        if (!(k < text.Length && text[k] == '年' && k + 1 < text.Length && text[k + 1] is '底' or '末' or '初' or '中' && context.Year is { } cy
              && (k == 0 || !ChineseNumerals.CanStart(text[k - 1]) && text[k - 1] is not '当' and not '每' and not '半' and not '全')))
        {
            return null;
        }

        var (first, last) = text[k + 1] switch
        {
            '底' or '末' => (new DateOnly(cy, 12, 31), new DateOnly(cy, 12, 31)),
            '初' => (new DateOnly(cy, 1, 1), new DateOnly(cy, 1, 31)),
            _ => (new DateOnly(cy, 6, 1), new DateOnly(cy, 7, 31)),
        };
        return new DatePoint(i, k + 2, first, last, true, cy, 0, false, false);
    }

    /// <summary>A quarter or half after a year (or in a range): 2023年第一季度, 一季度末, 2023年上半年.</summary>
    private static DatePoint? ReadQuarterOrHalf(string text, int i, int k, int yy, bool hasYear, DatePoint? anchor)
    {
        var n = text.Length;
        var q = k;
        if (q < n && text[q] == '第')
        {
            q++;
        }

        if (q < n && ChineseNumerals.Digit(text[q]) is >= 1 and <= 4 or -1 && (ChineseNumerals.Digit(text[q]) >= 1 || text[q] is >= '1' and <= '4')
            && q + 1 < n && string.CompareOrdinal(text, q + 1, "季度", 0, 2) == 0)
        {
            var quarter = ChineseNumerals.Digit(text[q]) >= 1 ? ChineseNumerals.Digit(text[q]) : text[q] - '0';
            if (quarter is >= 1 and <= 4 && yy > 0)
            {
                var first = new DateOnly(yy, ((quarter - 1) * 3) + 1, 1);
                var last = LastDayOf(yy, quarter * 3);
                var end = q + 3;
                return end < n && text[end] is '末' or '底'
                    ? new DatePoint(i, end + 1, last, last, !hasYear && anchor is null, yy, 0, hasYear, false)
                    : new DatePoint(i, end, first, last, false, yy, 0, hasYear, false);
            }
        }

        if (hasYear && k + 2 < n && text[k + 1] == '半' && text[k + 2] == '年' && text[k] is '上' or '下')
        {
            var first = new DateOnly(yy, text[k] == '上' ? 1 : 7, 1);
            return new DatePoint(i, k + 3, first, LastDayOf(yy, first.Month + 5), false, yy, 0, true, false);
        }

        return null;
    }

    /// <summary>A year without a month: 2023年年底, 2023年初, 2023年底, or the whole year.</summary>
    private static DatePoint ReadYearWithoutMonth(string text, int i, int k, int yy)
    {
        var n = text.Length;
        if (k + 1 < n && text[k] == '年' && text[k + 1] is '底' or '末' or '初')
        {
            var (first, last) = text[k + 1] == '初' ? (new DateOnly(yy, 1, 1), new DateOnly(yy, 1, 31)) : (new DateOnly(yy, 12, 31), new DateOnly(yy, 12, 31));
            return new DatePoint(i, k + 2, first, last, false, yy, 0, true, false);
        }

        if (k < n && text[k] is '底' or '末')
        {
            var december = new DateOnly(yy, 12, 31);
            return new DatePoint(i, k + 1, december, december, false, yy, 0, true, false);
        }

        return new DatePoint(i, k, new DateOnly(yy, 1, 1), new DateOnly(yy, 12, 31), false, yy, 0, true, false);
    }

    /// <summary>A day alone after a range's first date with a month: the 5日 of 1日至5日.</summary>
    private static DatePoint? ReadDayAfterAnchor(string text, int i, int k, DatePoint? anchor)
    {
        if (anchor is { HasMonth: true } && ChineseNumerals.TryReadInteger(text, k, 2, digitByDigit: false, out var day, out var dayEnd)
            && dayEnd < text.Length && text[dayEnd] is '日' or '号' && ValidDay(anchor.Year, anchor.Month, day))
        {
            var d = new DateOnly(anchor.Year, anchor.Month, day);
            return new DatePoint(i, dayEnd + 1, d, d, anchor.YearFromContext, anchor.Year, anchor.Month, false, true);
        }

        return null;
    }

    /// <summary>
    /// What follows a month (<paramref name="monthEnd"/> is its 月): a day (30日, 八月十五), 底/末/月底, 上旬/中旬/下旬, 初,
    /// or the whole month. A bare month without a year is a time only where it reads as one (6月前, 6月起, 6月—9月, 6月份).
    /// </summary>
    private static DatePoint? ReadInMonth(string text, int i, int monthEnd, int yy, int month, bool hasYear, bool contextYear, DatePoint? anchor)
    {
        var n = text.Length;
        var k = monthEnd + 1;
        if (k < n && text[k] == '份')
        {
            k++;
        }

        var monthFirst = new DateOnly(yy, month, 1);
        var monthLast = LastDayOf(yy, month);
        if (ChineseNumerals.TryReadInteger(text, k, 2, digitByDigit: false, out var day, out var dayEnd) && day >= 1)
        {
            var written = dayEnd < n && text[dayEnd] is '日' or '号';
            if (written && !ValidDay(yy, month, day))
            {
                return null; // 2月30日: no such day
            }

            // 八月十五: a Chinese day needs no 日 at the end of a phrase
            var bare = !written && ChineseNumerals.IsHanNumeral(text[k]) && (dayEnd >= n || !Cjk.IsHan(text[dayEnd])) && ValidDay(yy, month, day);
            if (written || bare)
            {
                var d = new DateOnly(yy, month, day);
                return new DatePoint(i, written ? dayEnd + 1 : dayEnd, d, d, contextYear, yy, month, hasYear, true);
            }
        }

        if (k < n && text[k] is '底' or '末')
        {
            return new DatePoint(i, k + 1, monthLast, monthLast, contextYear, yy, month, hasYear, true);
        }

        if (k + 1 < n && text[k] == '月' && text[k + 1] is '底' or '末')
        {
            return new DatePoint(i, k + 2, monthLast, monthLast, contextYear, yy, month, hasYear, true); // 6月月底
        }

        if (k + 1 < n && text[k + 1] == '旬' && text[k] is '上' or '中' or '下')
        {
            var (a, b) = text[k] switch { '上' => (1, 10), '中' => (11, 20), _ => (21, monthLast.Day) };
            return new DatePoint(i, k + 2, new DateOnly(yy, month, a), new DateOnly(yy, month, b), contextYear, yy, month, hasYear, true);
        }

        if (k < n && text[k] == '初')
        {
            return new DatePoint(i, k + 1, monthFirst, new DateOnly(yy, month, 10), contextYear, yy, month, hasYear, true);
        }

        if (!hasYear && anchor is null && !(k < n && (text[k] is '前' or '起' or '—' or '至' or '到' or '－' or '-' or '~' or '～' || text[k] == '份'))
            && !(monthEnd + 1 < n && text[monthEnd + 1] == '份'))
        {
            return null;
        }

        return new DatePoint(i, k, monthFirst, monthLast, contextYear, yy, month, hasYear, true);
    }

    /// <summary>The last day of a month, computed so that December 9999 does not run past DateOnly's range.</summary>
    private static DateOnly LastDayOf(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    private static bool ValidDay(int y, int m, int d) => y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
}
