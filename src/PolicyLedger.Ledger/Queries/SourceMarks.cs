using PolicyLedger.Ledger.Model;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Ledger.Queries;

/// <summary>What a mark in a source text shows: the item, its clause, a unit mention by role, a figure, a time, a doubt of the reader.</summary>
public enum MarkKind
{
    Item,
    Clause,
    Lead,
    Responsible,
    Cooperating,
    Quantity,
    Time,
    Doubt,
}

/// <summary>A span of the stored text to highlight, with what it is and a note for people (the unit a mention resolved to, a diagnostic's message).</summary>
public sealed record TextMark(MarkKind Kind, TextSpan Span, string? Note = null);

/// <summary>A piece of a stored source text (offsets in the whole text) and the marks that fall in it.</summary>
/// <param name="Offset">Where <paramref name="Text"/> starts in the whole text: every mark's span is in the whole text's offsets.</param>
public sealed record MarkedText(string Text, int Offset, IReadOnlyList<TextMark> Marks)
{
    public int End => Offset + Text.Length;
}

/// <summary>The marks of stored items, from the spans the reader gave them (every row keeps the span it was read from).</summary>
public static class SourceMarks
{
    /// <summary>
    /// The item, its clause, its unit mentions by role (implied roles point at a declaration elsewhere and are left
    /// out), its quantities and times, and the spans of its diagnostics. Needs the item's responsibilities (with
    /// their units), quantities, times and diagnostics loaded.
    /// </summary>
    public static IReadOnlyList<TextMark> Of(LedgerItem item, bool withItem = true)
    {
        ArgumentNullException.ThrowIfNull(item);
        var marks = new List<TextMark>();
        if (withItem)
        {
            marks.Add(new TextMark(MarkKind.Item, new TextSpan(item.SpanStart, item.SpanLength), item.Key));
        }

        if (item.ClauseStart is { } clause && item.ClauseLength is > 0)
        {
            marks.Add(new TextMark(MarkKind.Clause, new TextSpan(clause, item.ClauseLength.Value)));
        }

        foreach (var r in item.Responsibilities.Where(r => !r.Implied && r.SpanLength > 0).OrderBy(r => r.Ordinal))
        {
            marks.Add(new TextMark(KindOf(r.Role), new TextSpan(r.SpanStart, r.SpanLength), r.Unit is { } u ? $"{RoleName(r.Role)}：{u.Name}（{u.Jurisdiction}）" : RoleName(r.Role)));
        }

        marks.AddRange(item.Quantities.Where(q => q.SpanLength > 0).OrderBy(q => q.Ordinal).Select(q => new TextMark(MarkKind.Quantity, new TextSpan(q.SpanStart, q.SpanLength), q.Text)));
        marks.AddRange(item.Times.Where(t => t.SpanLength > 0).OrderBy(t => t.Ordinal).Select(t => new TextMark(MarkKind.Time, new TextSpan(t.SpanStart, t.SpanLength), t.Text)));
        marks.AddRange(item.Diagnostics.Where(d => d.SpanStart is not null && d.SpanLength is > 0).OrderBy(d => d.Ordinal)
            .Select(d => new TextMark(MarkKind.Doubt, new TextSpan(d.SpanStart!.Value, d.SpanLength!.Value), $"{d.Code} {d.Message}")));
        return marks;
    }

    /// <summary>
    /// The marks of an item in effect (as corrections left it): the item (noted with its key), its clause, the unit
    /// mentions the reader found by role (a unit a correction named has no span and is not marked), and the spans of
    /// the reader's doubts.
    /// </summary>
    public static IReadOnlyList<TextMark> Of(string key, Corrections.ReadItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var marks = new List<TextMark> { new(MarkKind.Item, new TextSpan(item.SpanStart, item.SpanLength), key) };
        if (item.ClauseStart is { } clause && item.ClauseLength is > 0)
        {
            marks.Add(new TextMark(MarkKind.Clause, new TextSpan(clause, item.ClauseLength.Value)));
        }

        foreach (var r in item.Roles.Where(r => !r.Implied && r.SpanStart is not null && r.SpanLength is > 0))
        {
            marks.Add(new TextMark(KindOf(r.Role), new TextSpan(r.SpanStart!.Value, r.SpanLength!.Value), r.Unit is { } u ? $"{RoleName(r.Role)}：{u.Name}（{u.Jurisdiction}）" : RoleName(r.Role)));
        }

        marks.AddRange(item.Doubts.Where(d => d.SpanStart is not null && d.SpanLength is > 0)
            .Select(d => new TextMark(MarkKind.Doubt, new TextSpan(d.SpanStart!.Value, d.SpanLength!.Value), $"{d.Code} {d.Message}")));
        return marks;
    }

    private static MarkKind KindOf(LedgerRole role) => role switch
    {
        LedgerRole.Lead => MarkKind.Lead,
        LedgerRole.Responsible => MarkKind.Responsible,
        _ => MarkKind.Cooperating,
    };

    /// <summary>The whole lines of <paramref name="text"/> around <paramref name="span"/>, and the marks inside them (clipped to the text).</summary>
    public static MarkedText Around(string text, TextSpan span, IEnumerable<TextMark> marks)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(marks);
        var start = Math.Clamp(span.Start, 0, text.Length);
        var end = Math.Clamp(span.Start + span.Length, start, text.Length);
        while (start > 0 && text[start - 1] is not ('\n' or '\r'))
        {
            start--;
        }

        while (end < text.Length && text[end] is not ('\n' or '\r'))
        {
            end++;
        }

        return Clip(text, start, end, marks);
    }

    /// <summary>The text from <paramref name="start"/> to <paramref name="end"/> with the marks that overlap it, cut to it.</summary>
    public static MarkedText Clip(string text, int start, int end, IEnumerable<TextMark> marks)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(marks);
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        var inside = marks
            .Select(m => (Mark: m, From: Math.Max(m.Span.Start, start), To: Math.Min(m.Span.Start + m.Span.Length, end)))
            .Where(x => x.To > x.From)
            .Select(x => x.Mark with { Span = TextSpan.FromBounds(x.From, x.To) })
            .ToList();
        return new MarkedText(text[start..end], start, inside);
    }

    public static string RoleName(LedgerRole role) => role switch
    {
        LedgerRole.Lead => "牵头单位",
        LedgerRole.Responsible => "责任单位",
        _ => "配合单位",
    };
}
