using System.Text;

namespace PolicyLedger.Tracking.Bulletins;

/// <summary>
/// The one function every piece of document text passes through on its way into Markdown (unit names, item texts,
/// document names, issuers): no HTML, link, emphasis, heading, list or table markup can come from a document.
/// (Issue 15 adds the project's shared escaper; this is the single place to point at it.)
/// </summary>
public static class MarkdownEscape
{
    /// <summary>
    /// Backslash-escapes what Markdown (CommonMark with GFM tables and autolinks) would read as markup — CommonMark
    /// renders each escape as the character itself: emphasis, code, brackets and parentheses, table pipes, ~; "-",
    /// "+", "#", "=" and "&gt;" at the start and "1." / "1)" list marks (a full stop followed by a space or the end; 39.8 stays as written); ":" before "//" and "." after "www", so no
    /// autolink forms; "!" before "[". &amp;, &lt; and &gt; are written as entities (no HTML), and line breaks,
    /// control characters and bidirectional overrides become spaces or go, so the text stays one line of plain text.
    /// </summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var s = new StringBuilder(text.Length + 8);
        var leadingDigits = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var atStart = s.Length == 0;
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            switch (c)
            {
                case '&':
                    s.Append("&amp;");
                    break;
                case '<':
                    s.Append("&lt;");
                    break;
                case '>':
                    s.Append("&gt;");
                    break;
                case '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'):
                    break; // line separators and bidirectional overrides: nothing a bulletin needs
                case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '|' or '~':
                    s.Append('\\').Append(c);
                    break;
                case '-' or '+' or '#' or '=' when atStart:
                case '.' when leadingDigits && i > 0 && next is ' ' or '\t' or '\0' || i >= 3 && text.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase):
                case ':' when next == '/':
                case '!' when next == '[':
                    s.Append('\\').Append(c);
                    break;
                default:
                    s.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }

            leadingDigits = leadingDigits && char.IsAsciiDigit(c);
        }

        return s.ToString();
    }
}
