using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Comparison.Figures;

/// <summary>
/// Finds an item's quantities and times (read by <c>PolicyLedger.Reading.Quantities</c>) in the text compared, in
/// order, and reads the clause around each. Times without an end (a start only, a recurrence) are left out: there is
/// no deadline to compare.
/// </summary>
public static class FigureReader
{
    /// <summary>Characters that end a clause: the wording between two of them says what a figure counts.</summary>
    private const string ClauseEnds = "，。；：、,;:！？!?\n";

    public static IReadOnlyList<Figure> Read(PolicyItem item, string text)
    {
        var cursor = 0;
        var quantityStarts = new int[item.Quantities.Count];
        for (var k = 0; k < quantityStarts.Length; k++)
        {
            quantityStarts[k] = Locate(text, item.Quantities[k].Text, ref cursor);
        }

        cursor = 0;
        var times = item.Times.Where(t => t.End is not null).ToList();
        var timeStarts = new int[times.Count];
        for (var k = 0; k < timeStarts.Length; k++)
        {
            timeStarts[k] = Locate(text, times[k].Text, ref cursor);
        }

        // Where each located figure ends: a clause that ends with one is a tier of its own, not a condition.
        var ends = new List<int>(quantityStarts.Length + timeStarts.Length);
        for (var k = 0; k < quantityStarts.Length; k++)
        {
            if (quantityStarts[k] >= 0)
            {
                ends.Add(quantityStarts[k] + item.Quantities[k].Text.Length);
            }
        }

        for (var k = 0; k < timeStarts.Length; k++)
        {
            if (timeStarts[k] >= 0)
            {
                ends.Add(timeStarts[k] + times[k].Text.Length);
            }
        }

        // A sentence-opening clause that holds thresholds only (年用电量在500万千瓦时以上的工业企业，每千瓦时补贴0.05元) is
        // the condition of the figures after it, as one without figures is: the ends of the other figures tell.
        var figures = MakeAll(ends);
        var thresholdEnds = figures.Where(Tiers.IsThreshold).Select(f => f.Start + f.Length).ToHashSet();
        if (thresholdEnds.Count > 0)
        {
            figures = MakeAll(ends.Where(e => !thresholdEnds.Contains(e)).ToList());
        }

        var ordered = figures.OrderBy(f => f.Start < 0 ? int.MaxValue : f.Start).ToList();
        return Respectively(Windows(ordered), text);

        List<Figure> MakeAll(List<int> plainEnds)
        {
            var made = new List<Figure>(quantityStarts.Length + timeStarts.Length);
            for (var k = 0; k < quantityStarts.Length; k++)
            {
                made.Add(Make(FigureKind.Quantity, item.Quantities[k].Text, quantityStarts[k], text, item.Quantities[k], null, ends, plainEnds));
            }

            for (var k = 0; k < timeStarts.Length; k++)
            {
                made.Add(Make(FigureKind.Time, times[k].Text, timeStarts[k], text, null, times[k], ends, plainEnds));
            }

            return made;
        }
    }

    /// <summary>
    /// Windows that follow one another among an item's times (2023年2月1日至2月28日…；3月1日至3月31日…；4月1日至4月30日…:
    /// each starting the day after the one before ends, whatever stands between them) are one scheme read in steps: they
    /// become one figure, the scheme's deadline (the end of its last window, no start), worded by all their clauses and
    /// written as the last window, so that another place's single date for the scheme (…缴纳日期延长至2023年5月31日)
    /// meets its end. Windows with a gap between them stay apart.
    /// </summary>
    private static List<Figure> Windows(List<Figure> figures)
    {
        var times = figures.Where(f => f.Kind == FigureKind.Time).ToList();
        var replaced = new Dictionary<Figure, Figure?>(ReferenceEqualityComparer.Instance);
        var k = 0;
        while (k < times.Count)
        {
            var run = 1;
            while (k + run < times.Count && IsWindow(times[k + run - 1]) && IsWindow(times[k + run])
                && times[k + run].Time!.Start == times[k + run - 1].Time!.End!.Value.AddDays(1))
            {
                run++;
            }

            if (run >= 2)
            {
                var windows = times.GetRange(k, run);
                var last = windows[^1];
                foreach (var w in windows)
                {
                    replaced[w] = null;
                }

                replaced[last] = last with
                {
                    Before = string.Join('\0', windows.Select(w => w.Before)),
                    After = string.Join('\0', windows.Select(w => w.After)),
                    Time = last.Time! with { Start = null },
                    Condition = 0,
                };
            }

            k += run;
        }

        return figures.Select(f => replaced.TryGetValue(f, out var r) ? r : f).OfType<Figure>().ToList();
    }

    private static bool IsWindow(Figure figure) => figure is { Kind: FigureKind.Time, IsLocated: true, Time: { Start: not null, End: not null } };

    /// <summary>
    /// Figures given "respectively" (分别): in 对国家级、省级企业分别奖励50万元、20万元 (or with the list in the clause before:
    /// 对首次获评国家级…、省级…的，分别奖励50万元、20万元) the k-th figure counts for the k-th member of the list, so its
    /// wording is that member and the words between 分别 and the figures. Runs of figures joined by 、 after 分别 whose list
    /// has as many members are read so; any other figure keeps the wording of its clause.
    /// </summary>
    private static List<Figure> Respectively(List<Figure> figures, string text)
    {
        var result = new List<Figure>(figures);
        var k = 0;
        while (k < result.Count)
        {
            var run = 1;
            while (k + run < result.Count && result[k + run - 1].IsLocated && result[k + run].IsLocated
                && result[k + run].Start == result[k + run - 1].Start + result[k + run - 1].Length + 1 && text[result[k + run].Start - 1] == '、')
            {
                run++;
            }

            if (run >= 2 && result[k].IsLocated && ListBefore(text, result[k].Start, run) is { } list)
            {
                var after = result[k + run - 1].After;
                for (var m = 0; m < run; m++)
                {
                    result[k + m] = result[k + m] with { Before = list.Members[m] + list.Verb, After = after, List = list.Members, ListIndex = m, Condition = 0 };
                }
            }

            k += run;
        }

        return result;
    }

    /// <summary>The list a run of <paramref name="count"/> figures starting at <paramref name="start"/> counts for, and the words between 分别 and the run.</summary>
    private static (string[] Members, string Verb)? ListBefore(string text, int start, int count)
    {
        var clauseStart = start;
        while (clauseStart > 0 && !SentenceOrClauseEnd(text[clauseStart - 1]))
        {
            clauseStart--;
        }

        var respectively = start - clauseStart >= 2 ? text.LastIndexOf("分别", start - 1, start - clauseStart, StringComparison.Ordinal) : -1;
        if (respectively < 0)
        {
            return null;
        }

        var verb = text[(respectively + 2)..start];
        string listText;
        if (respectively > clauseStart)
        {
            listText = text[clauseStart..respectively];
        }
        else
        {
            var previousEnd = clauseStart - 1;
            var previousStart = previousEnd;
            while (previousStart > 0 && !SentenceOrClauseEnd(text[previousStart - 1]))
            {
                previousStart--;
            }

            listText = previousEnd > previousStart ? text[previousStart..previousEnd] : string.Empty;
        }

        var members = listText.Split('、');
        return members.Length == count && members.All(m => m.Length > 0) ? (members, verb) : null;
    }

    private static bool SentenceOrClauseEnd(char c) => c is '，' or '。' or '；' or '：' or ',' or ';' or ':' or '！' or '？' or '\n';

    private static int Locate(string text, string figure, ref int cursor)
    {
        if (figure.Length == 0)
        {
            return -1;
        }

        var start = text.IndexOf(figure, cursor, StringComparison.Ordinal);
        if (start < 0)
        {
            start = text.IndexOf(figure, StringComparison.Ordinal);
        }

        if (start >= 0)
        {
            cursor = start + figure.Length;
        }

        return start;
    }

    /// <summary>
    /// Where the wording of a figure's clause starts once the condition it is given under is added. The clause just before
    /// the figure's clause says what the figure is for when it ends with 的 (首次认定的，给予20万元奖励；重新认定的，给予10万元
    /// 奖励), when it opens with 对, does not end with a figure and holds none but thresholds (对年主营业务收入首次突破1亿元的工业企业，
    /// 一次性奖励20万元; but 对首次认定的国家级企业奖励100万元，省级企业奖励30万元 is two tiers, and 对新增首贷户给予贷款额1%的奖励，
    /// 单户最高2万元 a grant and its cap), or, for a quantity, when it opens its
    /// sentence and holds no figure (租赁标准厂房的企业，前三年按租金的50%给予补贴: the same condition as 对租赁标准厂房的企业 said
    /// without 对). Two tiers worded alike in their own clauses (给予…奖励) are so told apart by their conditions. A time's
    /// sentence-opening clause is left out: a year said at the start of a sentence frames the sentence, not a deadline's
    /// quantity.
    /// </summary>
    private static int WithCondition(string text, int from, List<int> figureEnds, List<int> plainEnds, bool isQuantity)
    {
        if (from < 2 || text[from - 1] is not ('，' or ','))
        {
            return from;
        }

        var condition = from - 1;
        while (condition > 0 && !ClauseEnds.Contains(text[condition - 1]))
        {
            condition--;
        }

        var opens = condition;
        while (opens < from - 1 && char.IsWhiteSpace(text[opens]))
        {
            opens++;
        }

        var endsWithFigure = figureEnds.Contains(from - 1);
        var opensSentence = condition == 0 || Text.Sentences.IsEnd(text[condition - 1]);
        var holdsPlainFigure = HoldsFigureEnd(plainEnds, condition, from - 1);
        var isCondition = text[from - 2] == '的'
            || (text[opens] == '对' && !endsWithFigure && !holdsPlainFigure)
            || (isQuantity && opensSentence && !holdsPlainFigure);
        return isCondition ? condition : from;
    }

    private static bool HoldsFigureEnd(List<int> figureEnds, int from, int to)
    {
        foreach (var e in figureEnds)
        {
            if (e > from && e <= to)
            {
                return true;
            }
        }

        return false;
    }

    private static Figure Make(FigureKind kind, string figure, int start, string text, Quantity? quantity, TimeExpression? time, List<int> figureEnds, List<int> plainEnds)
    {
        if (start < 0)
        {
            return new Figure(kind, figure, -1, string.Empty, string.Empty, quantity, time);
        }

        var from = start;
        while (from > 0 && !ClauseEnds.Contains(text[from - 1]))
        {
            from--;
        }

        var own = from;
        from = WithCondition(text, from, figureEnds, plainEnds, quantity is not null);

        var end = start + figure.Length;
        var to = end;
        while (to < text.Length && !ClauseEnds.Contains(text[to]))
        {
            to++;
        }

        return new Figure(kind, figure, start, text[from..start], text[end..to], quantity, time) { Condition = own - from };
    }
}
