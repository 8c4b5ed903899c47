using System.Text;

namespace PolicyLedger.Formats;

/// <summary>
/// Keeps a hostile page's element nesting bounded before the HTML parser sees it: the HTML5 tree builder checks the
/// stack of open elements at every start tag, so 100 000 nested &lt;div&gt;s cost minutes. Browsers cap the depth
/// too (Blink puts elements beyond depth 512 beside their ancestor). One linear pass counts the depth of elements
/// that are closed by an end tag; start and end tags deeper than <see cref="MaxDepth"/> are left out, so their
/// content (the text) joins the element at the limit. Comments, &lt;script&gt;/&lt;style&gt;/&lt;textarea&gt;/&lt;title&gt;
/// contents and quoted attribute values are skipped over, not counted. A page within the limit is returned as it was.
/// </summary>
internal static class HtmlDepthLimit
{
    public const int MaxDepth = 512;

    /// <summary>Elements without end tags, or whose end tags are optional (the parser closes them by itself): not counted.</summary>
    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp",
        "html", "head", "body",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title", "xmp", "plaintext" };

    // Looked up by span: no string is made per tag.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UncountedNames = Uncounted.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RawTextNames = RawText.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Apply(string html, int maxDepth = MaxDepth)
    {
        StringBuilder? result = null; // made only when something is dropped
        var copied = 0;
        var depth = 0;
        var foreign = 0; // open <svg>/<math> elements
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }

            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var closing = html[lt + 1] == '/';
            var nameStart = lt + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i = lt + 1; // "<" in text, "<!DOCTYPE", "<?xml": not an element
                continue;
            }

            var tagEnd = EndOfTag(html, nameEnd);
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            // "/>" closes an element only inside <svg> and <math>: in HTML "<div/>" opens a div like "<div>" does,
            // so a page of "<pre/><pre/>…" nests as deep as one of "<pre><pre>…" and is counted alike.
            var isForeign = name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("math", StringComparison.OrdinalIgnoreCase);
            var selfClosing = tagEnd >= 2 && html[tagEnd - 2] == '/' && (foreign > 0 || isForeign);
            var drop = false;
            if (!UncountedNames.Contains(name))
            {
                if (closing)
                {
                    drop = depth > maxDepth;
                    depth = Math.Max(0, depth - 1);
                    foreign = isForeign ? Math.Max(0, foreign - 1) : foreign;
                }
                else if (!selfClosing)
                {
                    depth++;
                    drop = depth > maxDepth;
                    foreign += isForeign ? 1 : 0;
                }
            }

            if (drop)
            {
                result ??= new StringBuilder(html.Length);
                result.Append(html, copied, lt - copied);
                copied = tagEnd;
            }

            i = tagEnd;
            if (!closing && RawTextNames.Contains(name))
            {
                // Its content is text up to its end tag: skip it whole (a script may hold "<div>" in a string).
                var close = html.IndexOf(string.Concat("</", name), i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
            }
        }

        if (result is null)
        {
            return html;
        }

        result.Append(html, copied, html.Length - copied);
        return result.ToString();
    }

    /// <summary>
    /// The index after the tag's closing "&gt;". As the HTML tokenizer does it: a quote opens a value only right after
    /// "=" (spaces between allowed); a quote anywhere else is an ordinary character of an attribute name.
    /// </summary>
    private static int EndOfTag(string html, int from)
    {
        var afterEquals = false;
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '>')
            {
                return i + 1;
            }

            if (afterEquals && c is '"' or '\'')
            {
                var close = html.IndexOf(c, i + 1);
                if (close < 0)
                {
                    return html.Length;
                }

                i = close;
                afterEquals = false;
            }
            else if (c == '=')
            {
                afterEquals = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                afterEquals = false;
            }
        }

        return html.Length;
    }
}
