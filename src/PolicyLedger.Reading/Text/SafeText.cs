using System.Globalization;
using System.Text;

namespace PolicyLedger.Reading.Text;

/// <summary>
/// The one place text from documents (and file names, and anything else a stranger wrote) is made safe for where it
/// is shown: a terminal, Markdown, HTML. The CLI, the bulletins and the web application all call it.
/// <para>
/// Dangerous characters are the same for all three: C0 controls (ESC starts terminal escape sequences), DEL, C1
/// controls (U+0080–U+009F, CSI among them), bidirectional controls that reorder what a reader sees (U+202A–U+202E,
/// U+2066–U+2069, U+200E, U+200F, U+061C), the line and paragraph separators U+2028/U+2029, and unpaired surrogates.
/// Each is written visibly as <c>\uXXXX</c> — a form that is also a valid JSON escape, so JSON written through a
/// terminal sanitizer still parses to the original text.
/// </para>
/// </summary>
public static class SafeText
{
    /// <summary>Whether a character must not reach a terminal, a page or a document raw (tab and line feed may).</summary>
    public static bool IsDangerous(char c) =>
        (c < 0x20 && c is not '\n' and not '\t')
        || c is >= '\u007F' and <= '\u009F'
        || c is '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    /// <summary>
    /// For a terminal (and anything printed by the CLI): dangerous characters become visible <c>\uXXXX</c>; line
    /// feeds and tabs stay, so tables and JSON keep their shape.
    /// </summary>
    public static string Terminal(string? text) => Escape(text, keepLines: true);

    /// <summary>For one field on one line (a file name in a message): as <see cref="Terminal"/>, and line feeds and tabs become visible too.</summary>
    public static string OneLine(string? text) => Escape(text, keepLines: false);

    /// <summary>
    /// For Markdown (CommonMark with GFM tables and autolinks): backslash-escapes what would be read as markup — CommonMark
    /// renders each escape as the character itself, so the text reads as written: emphasis, code, brackets and
    /// parentheses, table pipes, ~ and @ (e-mail autolinks); "-", "+", "#" and "=" at the start and "1." list marks (a
    /// full stop after leading digits followed by a space or the end: 39.8% and 2024.6.30 stay as written);
    /// ":" before "/" and "." after "www" (no autolinks); "!" before "[". &amp;, &lt; and &gt; become entities (no
    /// HTML). Line breaks and tabs become spaces (a value stays in its paragraph, list item or table cell); dangerous
    /// characters become visible <c>\uXXXX</c>. Other punctuation (%, 、, full-width brackets) is left as it is.
    /// </summary>
    public static string Markdown(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var s = new StringBuilder(text.Length + 16);
        var atStart = true; // only spaces so far: a list mark or heading would start here
        var leadingDigits = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
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
                case '\r' when next == '\n':
                    break; // CRLF: the LF that follows stands for it
                case '\r' or '\n' or '\t':
                    s.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '|' or '~' or '@':
                case '-' or '+' or '#' or '=' when atStart:
                case '.' when (leadingDigits && i > 0 && next is ' ' or '\t' or '\0') || (i >= 3 && text.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase)):
                case ':' when next == '/':
                case '!' when next == '[':
                    s.Append('\\').Append(c);
                    break;
                default:
                    if (!IsDangerous(c) && !IsLoneSurrogate(text, i))
                    {
                        s.Append(c);
                    }
                    else if (!AppendSurrogatePair(text, ref i, s))
                    {
                        AppendVisible(s, c);
                    }

                    break;
            }

            atStart = atStart && c == ' ';
            leadingDigits = leadingDigits && char.IsAsciiDigit(c);
        }

        return s.ToString();
    }

    /// <summary>For HTML text and attribute values: &amp; &lt; &gt; " ' as entities, dangerous characters visible; Chinese as is.</summary>
    public static string Html(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var s = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': s.Append("&amp;"); break;
                case '<': s.Append("&lt;"); break;
                case '>': s.Append("&gt;"); break;
                case '"': s.Append("&quot;"); break;
                case '\'': s.Append("&#39;"); break;
                default:
                    if (c is '\n' or '\t' || (!IsDangerous(c) && !char.IsSurrogate(c)))
                    {
                        s.Append(c);
                    }
                    else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        // CRLF: the LF that follows stands for it.
                    }
                    else if (!AppendSurrogatePair(text, ref i, s))
                    {
                        AppendVisible(s, c);
                    }

                    break;
            }
        }

        return s.ToString();
    }

    /// <summary>Excel's limit on the characters of one cell.</summary>
    public const int ExcelCellLimit = 32_767;

    /// <summary>The mark a cut cell ends with, so a reader sees it is not the whole text.</summary>
    public const string TruncatedMark = "…（已截断）";

    /// <summary>
    /// For XML documents written for people (.xlsx, .docx): characters XML 1.0 cannot hold (C0 controls other than tab,
    /// line feed and carriage return, unpaired surrogates, U+FFFE/U+FFFF) and the dangerous ones above become visible
    /// <c>\uXXXX</c>; the writer would otherwise throw on the first of them.
    /// </summary>
    public static string Xml(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var s = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\t' or '\r' || (!IsDangerous(c) && !char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF'))
            {
                s.Append(c);
            }
            else if (!AppendSurrogatePair(text, ref i, s))
            {
                AppendVisible(s, c);
            }
        }

        return s.ToString();
    }

    /// <summary>For one Excel cell: <see cref="Xml"/>, then cut to Excel's 32 767 characters ending with <see cref="TruncatedMark"/>.</summary>
    public static string ExcelCell(string? text)
    {
        var safe = Xml(text);
        if (safe.Length <= ExcelCellLimit)
        {
            return safe;
        }

        var keep = ExcelCellLimit - TruncatedMark.Length;
        if (char.IsHighSurrogate(safe[keep - 1]))
        {
            keep--; // never cut a pair in two
        }

        return string.Concat(safe.AsSpan(0, keep), TruncatedMark);
    }

    private static string Escape(string? text, bool keepLines)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!NeedsEscape(text, keepLines))
        {
            return text;
        }

        var s = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((keepLines && c is '\n' or '\t') || (!IsDangerous(c) && !char.IsSurrogate(c) && c is not '\n' and not '\t'))
            {
                s.Append(c);
            }
            else if (!AppendSurrogatePair(text, ref i, s))
            {
                AppendVisible(s, c);
            }
        }

        return s.ToString();
    }

    private static bool NeedsEscape(string text, bool keepLines)
    {
        foreach (var c in text)
        {
            if (IsDangerous(c) || char.IsSurrogate(c) || (!keepLines && c is '\n' or '\t'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLoneSurrogate(string text, int i) =>
        char.IsSurrogate(text[i]) && !(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        && !(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]));

    /// <summary>A well-formed surrogate pair (an emoji, a CJK extension B character) is text: copied as is.</summary>
    private static bool AppendSurrogatePair(string text, ref int i, StringBuilder s)
    {
        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            s.Append(text[i]).Append(text[i + 1]);
            i++;
            return true;
        }

        return false;
    }

    internal static void AppendVisible(StringBuilder s, char c) =>
        s.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
}
