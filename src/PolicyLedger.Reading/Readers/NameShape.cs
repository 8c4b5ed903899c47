using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>What a name in a clause reads as.</summary>
internal enum NameVerdict
{
    /// <summary>Reads as an organisation (区财政局, 各县（市、区）, 某某集团有限公司).</summary>
    Organisation,

    /// <summary>Does not end like an organisation, but is no sentence either (区财政, 县级市): kept, flagged.</summary>
    Doubtful,

    /// <summary>Reads as a sentence, a title, a figure or is longer than any name: never a unit.</summary>
    NotOrganisation,
}

/// <summary>
/// Decides whether a name written in a responsibility clause reads as an organisation: by its ending (局, 委员会,
/// 办事处, 有限公司 …), by what a name never holds (《》, digits, sentence punctuation, sentence words) and by its
/// length. Collectives (各乡镇, 各县（市、区）) are organisations.
/// </summary>
internal static class NameShape
{
    /// <summary>Longer than any organisation name written in a clause.</summary>
    public const int MaxLength = 30;

    /// <summary>Endings that are too common in sentences to vouch for a name opening with a verb (召开座谈会).</summary>
    private const string WeakEnds = "区县市镇乡村会行组台社场科股校馆团旗盟庭";

    /// <summary>Weak endings that name a place: a short name (红开区) is its body, a long one a name cut short.</summary>
    private const string JurisdictionEnds = "区县市镇乡村旗";

    public static (NameVerdict Verdict, string Why) Judge(string mention)
    {
        if (mention.Length == 0)
        {
            return (NameVerdict.NotOrganisation, "空");
        }

        if (mention.IndexOfAny(['《', '》']) >= 0)
        {
            return (NameVerdict.NotOrganisation, "含书名号");
        }

        if (mention.IndexOfAny(['。', '！', '？', '；', ';', '：', ':', '!', '?']) >= 0)
        {
            return (NameVerdict.NotOrganisation, "是句子");
        }

        var core = WithoutTrailingBracket(mention);
        var end = ClauseVocabulary.OrganisationEnd(core);
        var strong = end is not null && (end.Length > 1 || !WeakEnds.Contains(end[0], StringComparison.Ordinal));
        if (mention.Length > MaxLength)
        {
            return (NameVerdict.NotOrganisation, "长于任何单位名称");
        }

        if (HasDigit(mention) && !strong)
        {
            return (NameVerdict.NotOrganisation, "含数字");
        }

        if (!strong && OpensWithVerb(mention))
        {
            return (NameVerdict.NotOrganisation, "是动词短语");
        }

        if (!strong && ClauseVocabulary.SentenceWords.Any(w => mention.Contains(w, StringComparison.Ordinal)))
        {
            return (NameVerdict.NotOrganisation, "是句子");
        }

        // 各镇街, 各县（市、区）, 各有关部门: a collective.
        if (core.StartsWith('各') && core.Length >= 2 && (end is not null || core.Length <= 4))
        {
            return (NameVerdict.Organisation, string.Empty);
        }

        if (end is null)
        {
            return (NameVerdict.Doubtful, "没有单位名称的结尾");
        }

        // 红开区, 瑞安市 name a place's body; 市农业农村, 农业农村 are names cut short.
        if ((end.Length == 1 && JurisdictionEnds.Contains(end[0], StringComparison.Ordinal) && core.Length > 4)
            || core.EndsWith("农村", StringComparison.Ordinal) || core.EndsWith("城市", StringComparison.Ordinal))
        {
            return (NameVerdict.Doubtful, "结尾像地名而不像单位");
        }

        if (ClauseVocabulary.IsBareCategory(core))
        {
            return (NameVerdict.Doubtful, "只是行政区划的类别");
        }

        return (NameVerdict.Organisation, string.Empty);
    }

    /// <summary>
    /// Where the organisation name at the start of <paramref name="s"/>[start, end) ends: at <paramref name="end"/>
    /// when the whole reads as one; else after the longest prefix that ends like an organisation and is followed by
    /// the start of a sentence or a sub-point (区财政局 of "区财政局二是完善设施", 区委组织部 of "区委组织部加强…");
    /// else after the longest prefix that ends like an organisation; else -1.
    /// </summary>
    public static int NameEnd(string s, int start, int end)
    {
        if (Judge(s[start..end]).Verdict == NameVerdict.Organisation)
        {
            return end;
        }

        var fallback = -1;
        for (var i = Math.Min(end - 1, start + MaxLength); i > start + 1; i--)
        {
            var prefix = s.AsSpan(start, i - start);
            var ending = ClauseVocabulary.OrganisationEnd(prefix);
            var collective = prefix[0] == '各';
            if (EndsWithNumberMark(prefix))
            {
                continue;
            }

            if ((!collective && (ending is null || (ending.Length == 1 && WeakEnds.Contains(ending[0], StringComparison.Ordinal)))) || !Balanced(prefix)
                || Judge(prefix.ToString()).Verdict != NameVerdict.Organisation)
            {
                continue;
            }

            if (StartsSentence(s, i))
            {
                return i;
            }

            if (fallback < 0)
            {
                fallback = i;
            }
        }

        return fallback;
    }

    /// <summary>Text at <paramref name="i"/> opens a sentence or a sub-point: 二是, 2., （二）, or a verb tasks open with.</summary>
    public static bool StartsSentence(string s, int i)
    {
        if (i >= s.Length)
        {
            return true;
        }

        var c = s[i];
        if (c is '—' or '●' or '■' or '◆' or '•' || Cjk.IsCloseBracket(c))
        {
            return true;
        }

        // （二）, （2）: the next point's mark; another bracket may be part of the name (各县（市、区）政府).
        if (Cjk.IsOpenBracket(c))
        {
            var j = i + 1;
            while (j < s.Length && j - i <= 4 && (Text.ChineseNumerals.IsNumeralChar(s[j]) || char.IsAsciiDigit(s[j])))
            {
                j++;
            }

            return j > i + 1 && j < s.Length && Cjk.IsCloseBracket(s[j]);
        }

        if (char.IsAsciiDigit(c))
        {
            var j = i;
            while (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                j++;
            }

            return j < s.Length && s[j] is '.' or '．' or '、';
        }

        if (Text.ChineseNumerals.IsNumeralChar(c))
        {
            var j = i;
            while (j < s.Length && j - i < 3 && Text.ChineseNumerals.IsNumeralChar(s[j]))
            {
                j++;
            }

            if (j < s.Length && s[j] is '是' or '、')
            {
                return true;
            }
        }

        return OpensWithVerb(s.AsSpan(i));
    }

    /// <summary>Ends with a bracketed number, the mark of the next point ("各镇街（十二）"), which no name ends with.</summary>
    private static bool EndsWithNumberMark(ReadOnlySpan<char> s)
    {
        if (s.Length < 3 || !Cjk.IsCloseBracket(s[^1]))
        {
            return false;
        }

        var i = s.Length - 2;
        while (i > 0 && (Text.ChineseNumerals.IsNumeralChar(s[i]) || char.IsAsciiDigit(s[i])))
        {
            i--;
        }

        return i < s.Length - 2 && Cjk.IsOpenBracket(s[i]);
    }

    private static bool Balanced(ReadOnlySpan<char> s)
    {
        var depth = 0;
        foreach (var c in s)
        {
            if (Cjk.IsOpenBracket(c))
            {
                depth++;
            }
            else if (Cjk.IsCloseBracket(c) && --depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    private static bool OpensWithVerb(ReadOnlySpan<char> mention) => ClauseVocabulary.OpensWithVerb(mention);

    private static bool HasDigit(string s)
    {
        foreach (var c in s)
        {
            if (c is >= '0' and <= '9' or >= '０' and <= '９')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name without a bracket group that closes it: 市住房城乡建设局 of 市住房城乡建设局（市百城办）.</summary>
    private static string WithoutTrailingBracket(string mention)
    {
        if (mention.Length < 2 || !Cjk.IsCloseBracket(mention[^1]))
        {
            return mention;
        }

        var depth = 0;
        for (var i = mention.Length - 1; i >= 0; i--)
        {
            if (Cjk.IsCloseBracket(mention[i]))
            {
                depth++;
            }
            else if (Cjk.IsOpenBracket(mention[i]) && --depth == 0)
            {
                return i > 0 ? mention[..i] : mention;
            }
        }

        return mention;
    }
}
