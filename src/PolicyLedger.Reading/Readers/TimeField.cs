using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>
/// The time a task table's 完成时限 column (or a "完成时限：…" field in running text) gives an item. A date there is
/// read by the figures stage like any other; a standing duty (长期坚持, 持续推进) becomes an ongoing time
/// (<see cref="TimeExpression.Recurrence"/> "ongoing", no start or end), so the item is not taken for one without a time.
/// </summary>
internal static class TimeField
{
    public const string Ongoing = "ongoing";

    public static IReadOnlyList<TimeExpression> WithOngoing(MappedText body, IReadOnlyList<TimeExpression> times)
    {
        var s = body.Text;
        foreach (var label in ClauseVocabulary.TimeLabels)
        {
            var at = s.IndexOf(label, StringComparison.Ordinal);
            if (at < 0 || at + label.Length >= s.Length || s[at + label.Length] is not ('：' or ':'))
            {
                continue;
            }

            var start = at + label.Length + 1;
            var end = start;
            while (end < s.Length && s[end] is not ('；' or ';' or '。' or '，' or ',') && !Cjk.IsOpenBracket(s[end]))
            {
                end++;
            }

            var value = s[start..end].Trim();
            var span = body.ToSource(start, end - start);
            if (value.Length == 0 || times.Any(t => t.Span.Start < span.End && t.Span.End > span.Start))
            {
                return times;
            }

            var word = ClauseVocabulary.OngoingTimes.FirstOrDefault(w => value.StartsWith(w, StringComparison.Ordinal));
            return word is null ? times : [.. times, new TimeExpression(value, span, null, null, Ongoing, false)];
        }

        return times;
    }
}
