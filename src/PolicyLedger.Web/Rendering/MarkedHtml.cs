using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using PolicyLedger.Ledger.Queries;

namespace PolicyLedger.Web.Rendering;

/// <summary>
/// A stored text with its marks as HTML: the text is cut where any mark begins or ends, and each piece is a
/// <c>&lt;span&gt;</c> carrying the classes of every mark over it (so marks may nest or overlap), with the marks'
/// notes as its title. Every piece of text is HTML-encoded; line breaks stay (the element is <c>white-space: pre-wrap</c>).
/// </summary>
public static class MarkedHtml
{
    /// <summary>Encodes &lt; &gt; &amp; " ' and leaves Chinese as it is.</summary>
    internal static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static IHtmlContent Render(MarkedText text, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cuts = new SortedSet<int> { text.Offset, text.End };
        foreach (var m in text.Marks)
        {
            cuts.Add(Math.Clamp(m.Span.Start, text.Offset, text.End));
            cuts.Add(Math.Clamp(m.Span.Start + m.Span.Length, text.Offset, text.End));
        }

        var html = new StringBuilder();
        html.Append("<div class=\"source\"");
        if (id is not null)
        {
            html.Append(" id=\"").Append(Html.Encode(id)).Append('"');
        }

        html.Append('>');
        var points = cuts.ToList();
        for (var k = 0; k + 1 < points.Count; k++)
        {
            var (from, to) = (points[k], points[k + 1]);
            var piece = text.Text[(from - text.Offset)..(to - text.Offset)];
            var over = text.Marks.Where(m => m.Span.Start <= from && m.Span.Start + m.Span.Length >= to && m.Span.Length > 0).ToList();
            if (over.Count == 0)
            {
                html.Append(Html.Encode(piece));
                continue;
            }

            var classes = string.Join(' ', over.Select(m => "m-" + m.Kind.ToString().ToLowerInvariant()).Distinct());
            var notes = string.Join("；", over.Where(m => !string.IsNullOrEmpty(m.Note) && m.Kind is not MarkKind.Item).Select(m => m.Note).Distinct());
            html.Append("<span class=\"").Append(classes).Append('"');
            if (notes.Length > 0)
            {
                html.Append(" title=\"").Append(Html.Encode(notes)).Append('"');
            }

            var anchor = over.FirstOrDefault(m => m.Kind == MarkKind.Item && m.Span.Start == from);
            if (anchor?.Note is { } itemId && id is not null)
            {
                html.Append(" id=\"").Append(Html.Encode($"{id}-{itemId}")).Append('"');
            }

            html.Append('>').Append(Html.Encode(piece)).Append("</span>");
        }

        html.Append("</div>");
        return new HtmlString(html.ToString());
    }
}
