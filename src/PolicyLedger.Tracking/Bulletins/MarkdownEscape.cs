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
    /// Backslash-escapes the ASCII punctuation Markdown gives a meaning to (CommonMark renders each escape as the
    /// character itself; ':' too, so no autolink forms), writes &amp;, &lt; and
    /// &gt; as entities, and makes line breaks and control characters spaces, so the text stays one line of plain text.
    /// </summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var s = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
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
                case '\u2028' or '\u2029' or '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069':
                    break; // line separators and bidirectional overrides: nothing a bulletin needs
                default:
                    if (char.IsControl(c))
                    {
                        s.Append(' ');
                    }
                    else if (c is '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '#' or '+' or '-' or '.' or '!' or '|' or '~' or '^' or '=' or '$' or ':' or '"' or '\'')
                    {
                        s.Append('\\').Append(c);
                    }
                    else
                    {
                        s.Append(c);
                    }

                    break;
            }
        }

        return s.ToString();
    }
}
