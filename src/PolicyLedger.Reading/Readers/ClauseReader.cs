using System.Text.RegularExpressions;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>Where a responsibility clause stands in an item's text, and where its content (inside the brackets) is.</summary>
internal readonly record struct ClauseMatch(int Start, int End, int ContentStart, int ContentEnd, bool Bracketed);

/// <summary>
/// Reads responsibility clauses, in every style the documents use:
/// keyed — （牵头单位：X，责任单位：Y、Z）, （责任单位：X、Y）, lines "责任单位：X，各县（市、区）政府。" and "配合单位：…";
/// by verb — (X牵头,Y、Z按职责分工负责), (X负责), (X、Y按职责分工负责), "…等和各有关省级人民政府负责";
/// and the lead declared once for the whole document — "（A、B负责。列第一位者为牵头单位，下同）".
/// Lists split on 、，, outside brackets only (各县（市、区）政府 stays one). Mentions are kept as written;
/// "…等相关单位" and the like are dropped from the last name.
/// </summary>
internal static partial class ClauseReader
{
    private static readonly string[] LeadLabels = ["牵头单位", "牵头部门", "主责单位", "主办单位"];
    private static readonly string[] ResponsibleLabels = ["责任单位", "责任部门", "负责单位", "实施单位", "承办单位"];
    private static readonly string[] CooperatingLabels = ["配合单位", "配合部门", "协办单位", "参与单位", "协助单位"];

    [GeneratedRegex(@"[。，,；;]?(?:(?:列|排)(?:在)?第一位的?(?:者|部门|单位)?|第一个?(?:部门|单位))为牵头(?:单位|部门)[，,]?(?:下同)?[。.]?$", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex ConventionAtEnd();

    [GeneratedRegex(@"(?:列|排)(?:在)?第一位的?(?:者|部门|单位)?为牵头(?:单位|部门)", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    public static partial Regex Convention();

    [GeneratedRegex(@"等(?:相关|有关|其他|其它|各)?(?:单位|部门|部门和单位|单位和部门|成员单位|机构|地方)$", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex GenericTail();

    [GeneratedRegex(@"(?:按照?职责分工|按职责|根据职责|分别|共同|具体)?(?:负责)+$", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex ResponsibleVerb();

    [GeneratedRegex(@"(?:共同)?牵头(?:负责)?$", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex LeadVerb();

    [GeneratedRegex(@"(?:按职责)?(?:配合|协助|参与|协办)$", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex CooperatingVerb();

    public static bool StartsWithLabel(string text) => LabelAt(text, 0) is not null;

    /// <summary>The text ends with a bracketed clause (a closing bracket, perhaps a full stop after it).</summary>
    public static bool EndsWithClause(MappedText text)
    {
        var end = TrimEnd(text.Text, text.Length);
        return end > 0 && Cjk.IsCloseBracket(text.Text[end - 1]) && FindBracketed(text.Text, end) is not null;
    }

    public static ClauseMatch? Find(string text)
    {
        var end = TrimEnd(text, text.Length);
        if (end == 0)
        {
            return null;
        }

        if (Cjk.IsCloseBracket(text[end - 1]) && FindBracketed(text, end) is { } bracketed)
        {
            return bracketed;
        }

        // Clause lines after a task: "…。责任单位：X，Y。配合单位：Z。"
        var label = Brackets.IndexOf(text, 0, text.Length, (t, i) =>
            (i == 0 || t[i - 1] is '。' or '；' or ';' or '）' or ')' or ' ') && LabelAt(t, i) is not null);
        if (label >= 0)
        {
            return new ClauseMatch(label, end, label, end, Bracketed: false);
        }

        return null;
    }

    /// <summary>Reads the roles of a clause found by <see cref="Find"/>.</summary>
    /// <param name="firstIsLead">The document declared that the first unit named is the lead ("列第一位者为牵头单位，下同").</param>
    public static List<RoleMention> Read(MappedText text, ClauseMatch clause, bool firstIsLead)
    {
        var s = text.Text;
        var start = clause.ContentStart;
        var end = clause.ContentEnd;
        var declared = false;
        var convention = ConventionAtEnd().Match(s[start..end]);
        if (convention.Success)
        {
            end = start + convention.Index;
            declared = true;
        }

        var roles = new List<RoleMention>();
        if (HasLabel(s, start, end))
        {
            ReadKeyed(text, start, end, roles);
        }
        else
        {
            ReadByVerb(text, start, end, roles);
        }

        if ((firstIsLead || declared) && roles.Count > 0 && roles.All(r => r.Role == Role.Responsible))
        {
            roles[0] = roles[0] with { Role = Role.Lead };
        }

        return roles;
    }

    private static void ReadKeyed(MappedText text, int start, int end, List<RoleMention> roles)
    {
        var s = text.Text;
        var labels = Brackets.TopLevel(s, start, end).Where(i => LabelAt(s, i) is not null).ToList();
        for (var k = 0; k < labels.Count; k++)
        {
            var (role, length) = LabelAt(s, labels[k])!.Value;
            AddMentions(text, labels[k] + length, k + 1 < labels.Count ? labels[k + 1] : end, role, roles);
        }
    }

    private static void ReadByVerb(MappedText text, int start, int end, List<RoleMention> roles)
    {
        var s = text.Text;
        var pending = new List<(int Start, int End)>();
        foreach (var (segStart, segEnd) in Brackets.Split(s, start, end, c => c is '，' or ',' or '；' or ';' or '。'))
        {
            var (a, b) = Trim(s, segStart, segEnd);
            if (a >= b)
            {
                continue;
            }

            // "X牵头Y负责" without a comma between.
            var lead = s.IndexOf("牵头", a, b - a, StringComparison.Ordinal);
            if (lead > a && lead + 2 < b)
            {
                AddMentions(text, a, lead, Role.Lead, roles);
                a = lead + 2;
            }

            var segment = s[a..b];
            Role? role = null;
            var verbStart = b;
            foreach (var (pattern, r) in new[] { (LeadVerb(), Role.Lead), (ResponsibleVerb(), Role.Responsible), (CooperatingVerb(), Role.Cooperating) })
            {
                var m = pattern.Match(segment);
                if (m.Success && m.Length > 0)
                {
                    role = r;
                    verbStart = a + m.Index;
                    break;
                }
            }

            if (role is null)
            {
                pending.Add((a, b));
                continue;
            }

            foreach (var (ps, pe) in pending)
            {
                AddMentions(text, ps, pe, role.Value, roles);
            }

            pending.Clear();
            AddMentions(text, a, verbStart, role.Value, roles);
        }
    }

    /// <summary>Splits a list of names on 、，,；; outside brackets and adds each as a mention.</summary>
    private static void AddMentions(MappedText text, int start, int end, Role role, List<RoleMention> roles)
    {
        var s = text.Text;
        foreach (var (segStart, segEnd) in Brackets.Split(s, start, end, c => c is '、' or '，' or ',' or '；' or ';' or '。'))
        {
            // "X等和各有关省级人民政府": two names.
            var and = s.IndexOf("等和", segStart, segEnd - segStart, StringComparison.Ordinal);
            if (and > segStart)
            {
                AddMention(text, segStart, and, role, roles);
                AddMention(text, and + 2, segEnd, role, roles);
                continue;
            }

            AddMention(text, segStart, segEnd, role, roles);
        }
    }

    private static void AddMention(MappedText text, int start, int end, Role role, List<RoleMention> roles)
    {
        var s = text.Text;
        (start, end) = Trim(s, start, end);
        if (start < end && s[start] == '由')
        {
            start++;
        }

        if (start >= end)
        {
            return;
        }

        var tail = GenericTail().Match(s, start, end - start);
        if (tail.Success && tail.Index > start)
        {
            end = tail.Index;
        }

        if (start < end)
        {
            roles.Add(new RoleMention(role, s[start..end], text.ToSource(start, end - start)));
        }
    }

    private static (int Start, int End) Trim(string s, int start, int end)
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

    private static int TrimEnd(string s, int end)
    {
        while (end > 0 && (Cjk.IsSpace(s[end - 1]) || s[end - 1] is '。' or '.' or '；' or ';'))
        {
            end--;
        }

        return end;
    }

    /// <summary>The bracket group ending at <paramref name="end"/>, if its content reads as a clause.</summary>
    private static ClauseMatch? FindBracketed(string s, int end)
    {
        var depth = 0;
        for (var i = end - 1; i >= 0; i--)
        {
            var c = s[i];
            if (Cjk.IsCloseBracket(c))
            {
                depth++;
            }
            else if (Cjk.IsOpenBracket(c) && --depth == 0)
            {
                return LooksLikeClause(s, i + 1, end - 1) ? new ClauseMatch(i, end, i + 1, end - 1, Bracketed: true) : null;
            }
        }

        return null;
    }

    private static bool LooksLikeClause(string s, int start, int end)
    {
        if (end <= start)
        {
            return false;
        }

        if (HasLabel(s, start, end))
        {
            return true;
        }

        var content = s[start..end];
        var convention = ConventionAtEnd().Match(content);
        if (convention.Success)
        {
            content = content[..convention.Index];
        }

        content = content.TrimEnd('。', '.', ' ');
        return content.Length >= 3 && (ResponsibleVerb().IsMatch(content) || LeadVerb().IsMatch(content) || CooperatingVerb().IsMatch(content))
            && !content.Contains("负责人", StringComparison.Ordinal);
    }

    private static bool HasLabel(string s, int start, int end) =>
        Brackets.IndexOf(s, start, end, (t, i) => LabelAt(t, i) is not null) >= 0;

    private static (Role Role, int Length)? LabelAt(string s, int i)
    {
        if (i + 4 >= s.Length || s[i + 4] is not ('：' or ':'))
        {
            return null;
        }

        var word = s.AsSpan(i, 4);
        foreach (var l in LeadLabels)
        {
            if (word.SequenceEqual(l))
            {
                return (Role.Lead, 5);
            }
        }

        foreach (var l in ResponsibleLabels)
        {
            if (word.SequenceEqual(l))
            {
                return (Role.Responsible, 5);
            }
        }

        foreach (var l in CooperatingLabels)
        {
            if (word.SequenceEqual(l))
            {
                return (Role.Cooperating, 5);
            }
        }

        return null;
    }
}
