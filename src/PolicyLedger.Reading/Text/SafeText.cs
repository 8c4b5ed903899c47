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
    /// For Markdown (CommonMark and GFM): every ASCII punctuation character is backslash-escaped, so no text becomes
    /// markup, HTML (&lt;script&gt;), a link, an autolink (http\://…, www\.…), a table cell break or a list; line breaks
    /// become spaces (a value stays in its paragraph, list item or table cell); dangerous characters become visible.
    /// </summary>
    public static string Markdown(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var s = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n' or '\t')
            {
                if (!(c == '\n' && i > 0 && text[i - 1] == '\r'))
                {
                    s.Append(' ');
                }
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is ' ' || c > 0x7F && !IsDangerous(c) && !IsLoneSurrogate(text, i))
            {
                s.Append(c);
            }
            else if (c is >= '!' and <= '~')
            {
                s.Append('\\').Append(c);
            }
            else if (!AppendSurrogatePair(text, ref i, s))
            {
                AppendVisible(s, c);
            }
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
