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
        var figures = new List<Figure>();
        var cursor = 0;
        foreach (var q in item.Quantities)
        {
            var start = Locate(text, q.Text, ref cursor);
            figures.Add(Make(FigureKind.Quantity, q.Text, start, text, q, null));
        }

        cursor = 0;
        foreach (var t in item.Times.Where(t => t.End is not null))
        {
            var start = Locate(text, t.Text, ref cursor);
            figures.Add(Make(FigureKind.Time, t.Text, start, text, null, t));
        }

        return figures.OrderBy(f => f.Start < 0 ? int.MaxValue : f.Start).ToList();
    }

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

    private static Figure Make(FigureKind kind, string figure, int start, string text, Quantity? quantity, TimeExpression? time)
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

        var end = start + figure.Length;
        var to = end;
        while (to < text.Length && !ClauseEnds.Contains(text[to]))
        {
            to++;
        }

        return new Figure(kind, figure, start, text[from..start], text[end..to], quantity, time);
    }
}
