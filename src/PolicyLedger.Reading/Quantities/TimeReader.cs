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
/// A hand-written scanner: one pass, no regular expressions, never throws on odd text. The steps are stage classes:
/// <see cref="RecurrenceReader"/>, <see cref="DatePointReader"/> (one date or period), then <see cref="Extend"/> (ranges
/// and open ends).
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

    private static readonly string[] EndPrefixes = ["截止到", "截止至", "延长至", "延期至", "延续至", "截至", "截止", "延至", "直至", "至", "到"];
    private static readonly string[] StartPrefixes = ["自", "从"];
    private static readonly string[] Joiners = ["起至", "—", "–", "－", "-", "~", "～", "至", "到"];
    private static readonly string[] SinceWords = ["起", "开始", "以来"];
    private static readonly string[] AfterWords = ["起", "以后", "之后", "后"];

    /// <summary>A time's extent as read around its first point: the text it covers, its first and last day (null where open).</summary>
    private readonly record struct Extent(int Start, int End, DateOnly? First, DateOnly? Last, bool YearFromContext);

    private static void Scan(MappedText mapped, TimeContext context, List<TimeExpression> list)
    {
        var text = mapped.Text;

        // A text whose document gives no year reads a date without one in the year last written before it in the same
        // text (2023年4月1日至4月30日为第一阶段，5月1日至5月31日为第二阶段): the writer left out what the reader has.
        var running = context;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!ChineseNumerals.CanStart(c) && c is not ('年' or '全' or '每' or '按' or '今' or '本' or '明' or '去'))
            {
                i++;
                continue;
            }

            if (c is '每' or '按' && RecurrenceReader.Read(text, i) is { } recurrence)
            {
                list.Add(new TimeExpression(text[i..recurrence.End], mapped.ToSource(i, recurrence.End - i), null, null, recurrence.Kind, false));
                i = recurrence.End;
                continue;
            }

            if (c == '全' && WholeYear(text, i, context) is { } year)
            {
                list.Add(new TimeExpression("全年", mapped.ToSource(i, 2), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), null, true));
                i += 2;
                continue;
            }

            if (DatePointReader.Read(text, i, running, null) is not { } point)
            {
                i++;
                continue;
            }

            var extent = Extend(text, point, running);
            list.Add(new TimeExpression(text[extent.Start..extent.End], mapped.ToSource(extent.Start, extent.End - extent.Start), extent.First, extent.Last, null,
                extent.YearFromContext));
            if (context.Year is null && !extent.YearFromContext && (extent.Last ?? extent.First) is { } written)
            {
                running = new TimeContext(null, written.Year);
            }

            i = extent.End;
        }
    }

    /// <summary>全年 in a text with a year (not 全年度, 全年龄, nor the 年 of a number): that whole year.</summary>
    private static int? WholeYear(string text, int i, TimeContext context)
    {
        var n = text.Length;
        return i + 1 < n && text[i + 1] == '年' && context.Year is { } y
               && !(i + 2 < n && text[i + 2] is '度' or '龄') && !(i > 0 && ChineseNumerals.CanStart(text[i - 1]))
            ? y
            : null;
    }

    /// <summary>
    /// The words around a point: a second point after a joiner makes a range (自2022年4月1日至2022年12月31日), 起/以后
    /// opens its end (自2022年12月1日起), 至/截至 before it or 前 after it opens its start (至2024年12月31日, 6月底前).
    /// </summary>
    private static Extent Extend(string text, DatePoint p, TimeContext context)
    {
        var n = text.Length;
        var start = p.Start;
        var end = p.End;
        DateOnly? first = p.First;
        DateOnly? last = p.Last;
        var fromContext = p.YearFromContext || text[p.Start] is '今' or '本' or '明' or '去';
        var startPrefix = start > 0 ? QuantityWords.MatchLongestBefore(text, start, StartPrefixes) : null;
        var endPrefix = start > 0 ? QuantityWords.MatchLongestBefore(text, start, EndPrefixes) : null;

        // range: DATE — DATE
        var joiner = QuantityWords.MatchLongestAt(text, end, Joiners);
        var second = joiner is null ? null : DatePointReader.Read(text, end + joiner.Length, context, p);
        if (second is not null)
        {
            return new Extent(startPrefix is null ? start : start - startPrefix.Length, second.End, first, second.Last, fromContext || second.YearFromContext);
        }

        if (startPrefix is not null && QuantityWords.MatchLongestAt(text, end, SinceWords) is { } since)
        {
            return new Extent(start - startPrefix.Length, end + since.Length, first, null, fromContext);
        }

        if (QuantityWords.MatchLongestAt(text, end, AfterWords) is { } after && !(after == "后" && end + 1 < n && Cjk.IsHan(text[end + 1]) && text[end + 1] != '，'))
        {
            return new Extent(start, end + after.Length, first, null, fromContext);
        }

        if (endPrefix is not null && !(endPrefix is "到" && start >= 2 && text[start - 2] == '达'))
        {
            return new Extent(start - endPrefix.Length, end, null, last, fromContext);
        }

        if (QuantityWords.MatchLongestAt(text, end, RecurrenceReader.BeforeWords) is { } before)
        {
            return new Extent(start, end + before.Length, null, last, fromContext);
        }

        return new Extent(start, end, first, last, fromContext);
    }
}
