namespace PolicyLedger.Reading.Text;

/// <summary>Walks text at bracket depth zero: lists split on 、，, never inside 各县（市、区）政府 or 各县〔市、区〕政府.</summary>
public static class Brackets
{
    /// <summary>The segments of [start, end) between separators that stand outside any bracket.</summary>
    public static IEnumerable<(int Start, int End)> Split(string s, int start, int end, Func<char, bool> separator)
    {
        var segmentStart = start;
        foreach (var i in TopLevel(s, start, end))
        {
            if (separator(s[i]))
            {
                yield return (segmentStart, i);
                segmentStart = i + 1;
            }
        }

        yield return (segmentStart, end);
    }

    /// <summary>The first index in [start, end) outside any bracket where <paramref name="at"/> holds, or -1.</summary>
    public static int IndexOf(string s, int start, int end, Func<string, int, bool> at)
    {
        foreach (var i in TopLevel(s, start, end))
        {
            if (at(s, i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The indices of [start, end) that stand outside any bracket and are not brackets themselves.</summary>
    public static IEnumerable<int> TopLevel(string s, int start, int end)
    {
        var depth = 0;
        for (var i = start; i < end; i++)
        {
            var c = s[i];
            if (Cjk.IsOpenBracket(c))
            {
                depth++;
            }
            else if (Cjk.IsCloseBracket(c))
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                yield return i;
            }
        }
    }
}
