using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>Small scans over clause text shared by <see cref="ClauseFinder"/> and <see cref="ClauseReader"/>: spaces, separators, brackets.</summary>
internal static class ClauseText
{
    public static int SkipSpaces(string s, int i)
    {
        while (i < s.Length && Cjk.IsSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    public static int SkipSeparators(string s, int i)
    {
        while (i < s.Length && (Cjk.IsSpace(s[i]) || s[i] is '，' or ',' or '；' or ';' or '。' or '、'))
        {
            i++;
        }

        return i;
    }

    public static (int Start, int End) Trim(string s, int start, int end)
    {
        while (start < end && (Cjk.IsSpace(s[start]) || s[start] is '：' or ':' or '，' or ',' or '、' or '。'))
        {
            start++;
        }

        while (end > start && (Cjk.IsSpace(s[end - 1]) || s[end - 1] is '。' or '.' or '，' or ',' or '、' or '；' or ';' or '：' or ':'))
        {
            end--;
        }

        return (start, end);
    }

    public static int TrimEnd(string s, int end)
    {
        while (end > 0 && (Cjk.IsSpace(s[end - 1]) || s[end - 1] is '。' or '.' or '；' or ';'))
        {
            end--;
        }

        return end;
    }

    /// <summary>The index of the bracket in [start, close) that the one at <paramref name="close"/> closes, or -1.</summary>
    public static int MatchingOpen(string s, int start, int close)
    {
        var depth = 0;
        for (var i = close; i >= start; i--)
        {
            if (Cjk.IsCloseBracket(s[i]))
            {
                depth++;
            }
            else if (Cjk.IsOpenBracket(s[i]) && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
