namespace PolicyLedger.Formats.Pdf;

/// <summary>
/// Whether a line was broken because the next words did not fit (a wrapped line) or by the writer (a paragraph's or a
/// cell's line ending). A line is wrapped when the start of the next line would not have fitted in the room left at
/// its end: the next line's first character with the punctuation that may not start a line (、，。）…, which pulls
/// the character before it along), or its first ASCII word.
/// </summary>
internal static class LineBreaks
{
    public static bool Wrapped(PdfLine line, string next, double right) => right - line.Right < Needed(next, line.Size) + line.Size * 0.25;

    /// <summary>The width the start of a line takes: what a wrapping writer needed room for at the end of the line above.</summary>
    public static double Needed(string text, double size)
    {
        if (text.Length == 0)
        {
            return size;
        }

        var k = 1;
        if (char.IsAsciiLetterOrDigit(text[0]))
        {
            while (k < text.Length && (char.IsAsciiLetterOrDigit(text[k]) || text[k] is '.' or '%' or '-'))
            {
                k++;
            }

            return k * size * 0.55;
        }

        while (k < text.Length && NoBreakBefore(text[k]))
        {
            k++;
        }

        return k * size;
    }

    /// <summary>Punctuation that may not start a line (line-breaking rules of Chinese typesetting).</summary>
    public static bool NoBreakBefore(char c) => c is '、' or '，' or '。' or '；' or '：' or '！' or '？' or '）' or '》' or '”' or '’' or '」' or '』' or '】' or '〕' or '…'
        or ',' or '.' or ';' or ':' or '!' or '?' or ')' or '%' or '％';
}
