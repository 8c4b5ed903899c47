namespace PolicyLedger.Comparison.Text;

/// <summary>One member of an enumeration: its text and where it starts in the text it was read from.</summary>
public readonly record struct Member(string Text, int Start);

/// <summary>
/// Reads the enumerations of a text: runs of members separated by the enumeration comma <c>、</c> (燃气、矿山、危险化学品、
/// 道路交通). The first member is the end of the words before the first comma and the last the start of the words
/// after the last one, each cut at the nearest non-word character or at a word that closes or opens a list
/// (等, 和, 及, 与, 的, 对, 在); a member is two to eight word characters. Only lists of three members or more are read:
/// two words joined by one comma are often a phrase (省、市).
/// </summary>
public static class Enumeration
{
    private const int Shortest = 2;
    private const int Longest = 8;
    private const string Joints = "等和及与的对在将为由";

    public static IEnumerable<IReadOnlyList<Member>> Lists(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var comma = text.IndexOf('、', i);
            if (comma < 0)
            {
                yield break;
            }

            var commas = new List<int> { comma };
            var k = comma + 1;
            while (true)
            {
                var next = NextComma(text, k);
                if (next < 0)
                {
                    break;
                }

                commas.Add(next);
                k = next + 1;
            }

            var members = new List<Member>();
            var first = Backward(text, commas[0]);
            if (first is { } f)
            {
                members.Add(f);
            }

            for (var c = 0; c + 1 < commas.Count; c++)
            {
                var from = commas[c] + 1;
                var length = commas[c + 1] - from;
                if (length >= Shortest && length <= Longest && Enumerable.Range(from, length).All(p => Bigrams.IsWordCharacter(text[p])))
                {
                    members.Add(new Member(text.Substring(from, length), from));
                }
            }

            var last = Forward(text, commas[^1] + 1);
            if (last is { } l)
            {
                members.Add(l);
            }

            if (members.Count >= 3)
            {
                yield return members;
            }

            i = commas[^1] + 1;
        }
    }

    /// <summary>The next comma of the same list: one that follows a run of word characters of member length.</summary>
    private static int NextComma(string text, int from)
    {
        var p = from;
        while (p < text.Length && p - from <= Longest && Bigrams.IsWordCharacter(text[p]))
        {
            p++;
        }

        return p < text.Length && text[p] == '、' && p - from >= Shortest ? p : -1;
    }

    private static Member? Backward(string text, int comma)
    {
        var p = comma;
        while (p > 0 && comma - p < Longest && Bigrams.IsWordCharacter(text[p - 1]) && !Joints.Contains(text[p - 1]))
        {
            p--;
        }

        return comma - p >= Shortest ? new Member(text[p..comma], p) : null;
    }

    private static Member? Forward(string text, int start)
    {
        var p = start;
        while (p < text.Length && p - start < Longest && Bigrams.IsWordCharacter(text[p]) && !Joints.Contains(text[p]))
        {
            p++;
        }

        return p - start >= Shortest ? new Member(text[start..p], start) : null;
    }
}
