namespace PolicyLedger.Reading.Units;

/// <summary>
/// Short forms made the way official short names are (规范简称): each two-character word of the full name gives its
/// first character, or all of it, or nothing — 交通建设局 → 交建局, 人力资源社会保障局 → 人社局, 市场监督管理局 →
/// 市场监管局 — with the organ word (局, 委, 办, 中心 …) kept. At least one word is cut to its first character (so
/// 金融局 is no short form of 金融工作局, nor 财政局 of 财政金融局), the first word is never dropped, and the organ words
/// must agree. Used for the names a document has written in full before (style 8 of issue 9); generic, no place in it.
/// </summary>
public static class ShortForms
{
    private static readonly string[] OrganWords = ["委员会", "办公室", "中心", "局", "委", "办", "厅", "站", "所", "队", "院", "馆", "部", "处", "室"];

    /// <summary>Whether <paramref name="shortName"/> is a short form of <paramref name="fullName"/> (both without a place prefix).</summary>
    public static bool IsShortFormOf(string shortName, string fullName)
    {
        var (shortCore, shortOrgan) = Split(MentionText.Compact(shortName));
        var (fullCore, fullOrgan) = Split(MentionText.Compact(fullName));
        if (shortOrgan is null || shortOrgan != fullOrgan || shortCore.Length < 2 || shortCore.Length >= fullCore.Length || fullCore.Length > 16)
        {
            return false;
        }

        var words = Words(fullCore);
        return Matches(shortCore, 0, words, 0, cut: false, used: 0);
    }

    /// <summary>The name's core and organ word (委员会 already written 委 by <see cref="MentionText.Compact"/>).</summary>
    private static (string Core, string? Organ) Split(string name)
    {
        foreach (var organ in OrganWords)
        {
            if (name.Length > organ.Length && name.EndsWith(organ, StringComparison.Ordinal))
            {
                return (name[..^organ.Length], organ == "办公室" ? "办" : organ); // 人防办 for 人民防空办公室
            }
        }

        return (name, null);
    }

    /// <summary>The core cut into two-character words from the start (an odd last character is a word of its own).</summary>
    private static string[] Words(string core)
    {
        var words = new string[(core.Length + 1) / 2];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = core.Substring(i * 2, Math.Min(2, core.Length - (i * 2)));
        }

        return words;
    }

    /// <summary>Whether the short core from <paramref name="s"/> on is made of the words from <paramref name="w"/> on.</summary>
    private static bool Matches(string core, int s, string[] words, int w, bool cut, int used)
    {
        if (w == words.Length)
        {
            return s == core.Length && cut && used >= 2;
        }

        var word = words[w];

        // The whole word, or its first character (a cut), or (not the first word) nothing.
        if (string.CompareOrdinal(core, s, word, 0, word.Length) == 0 && s + word.Length <= core.Length
            && Matches(core, s + word.Length, words, w + 1, cut, used + 1))
        {
            return true;
        }

        if (word.Length > 1 && s < core.Length && core[s] == word[0] && Matches(core, s + 1, words, w + 1, cut: true, used + 1))
        {
            return true;
        }

        return w > 0 && Matches(core, s, words, w + 1, cut, used);
    }
}
