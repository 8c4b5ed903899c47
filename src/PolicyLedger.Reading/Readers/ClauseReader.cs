using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;
using static PolicyLedger.Reading.Readers.ClauseFinder;
using static PolicyLedger.Reading.Readers.ClauseText;

namespace PolicyLedger.Reading.Readers;

/// <summary>
/// Reads responsibility clauses, in every style the documents use, wherever they stand in an item (an item may hold
/// several, each closing its own sub-task): keyed — （牵头单位：X，责任单位：Y、Z）, lines "责任单位：X、Y" and
/// "牵头单位：A 配合单位：B" that end where the unit names end; by verb — (X牵头,Y、Z按职责分工负责), (X负责),
/// (由X负责), (X、Y牵头负责), (X牵头，Y配合), (X为牵头单位); and the lead rule stated once ("列第一位者为牵头单位，下同").
/// Lists split on 、，, outside brackets only (各县（市、区）政府 stays one); "各区、县级市" stays one collective; "…等相关
/// 单位" and a trailing 等 are dropped; a name that reads as a sentence is never a unit (a diagnostic says so).
/// </summary>
internal static class ClauseReader
{
    /// <summary>Reads the roles of one clause found by <see cref="ClauseFinder.Scan"/>.</summary>
    /// <param name="rule">The lead rule the document states ("列第一位者为牵头单位，下同"), which a clause may also state for itself.</param>
    /// <param name="diagnostics">Receives what is doubtful: names that are not organisations, a lead that contradicts the rule.</param>
    public static List<RoleMention> Read(MappedText text, ClauseMatch clause, LeadRule rule, List<Diagnostic> diagnostics)
    {
        var s = text.Text;
        var start = clause.ContentStart;
        var end = StripDeclarations(s, start, clause.ContentEnd);
        var stated = s.AsSpan(start, end - start).Contains("为牵头", StringComparison.Ordinal) ? ClauseVocabulary.LeadRuleAtEnd().Match(s, start, end - start) : System.Text.RegularExpressions.Match.Empty;
        if (stated.Success)
        {
            end = stated.Index;
            if (rule != LeadRule.FirstLeadsOthersCooperate)
            {
                rule = ClauseVocabulary.OthersCooperate().IsMatch(stated.Value) ? LeadRule.FirstLeadsOthersCooperate : LeadRule.FirstLeads;
            }
        }

        var roles = new List<RoleMention>();
        if (HasLabel(s, start, end))
        {
            ReadKeyed(text, start, end, roles, diagnostics);
        }
        else
        {
            ReadByVerb(text, start, end, roles, diagnostics);
        }

        if (clause.Unbalanced)
        {
            diagnostics.Add(DiagnosticCodes.Unbalanced(text.ToSource(clause.Start, clause.End - clause.Start)));
        }

        if (clause.Cut)
        {
            var rest = clause.End;
            while (rest < s.Length && s[rest] is not ('，' or ',' or '。' or '；' or ';' or '、') && rest - clause.End < 20)
            {
                rest++;
            }

            diagnostics.Add(DiagnosticCodes.UnknownClause(s[clause.ContentStart..rest], text.ToSource(clause.ContentStart, rest - clause.ContentStart)));
        }

        if (roles.Count == 0)
        {
            diagnostics.Add(DiagnosticCodes.EmptyClause(text.ToSource(clause.Start, clause.End - clause.Start)));
            return roles;
        }

        if (rule != LeadRule.None)
        {
            var lead = roles.FindIndex(r => r.Role == Role.Lead);
            if (lead < 0)
            {
                var first = roles.FindIndex(r => r.Role == Role.Responsible);
                if (first >= 0)
                {
                    roles[first] = roles[first] with { Role = Role.Lead };
                }

                // "其他为配合单位": the others of a clause that names no role of its own cooperate.
                if (rule == LeadRule.FirstLeadsOthersCooperate && roles.All(r => r.Role is Role.Lead or Role.Responsible))
                {
                    for (var k = first + 1; k < roles.Count; k++)
                    {
                        roles[k] = roles[k] with { Role = Role.Cooperating };
                    }
                }
            }
            else if (lead > 0 && roles[0].Role != Role.Lead)
            {
                diagnostics.Add(DiagnosticCodes.LeadConflict($"规定列第一位者为牵头单位，而本条牵头的是“{roles[lead].Mention}”", roles[lead].Span));
            }
        }

        return roles;
    }

    private static void ReadKeyed(MappedText text, int start, int end, List<RoleMention> roles, List<Diagnostic> diagnostics)
    {
        var s = text.Text;
        var labels = new List<(int At, Role Role, int Length)>();
        foreach (var i in Brackets.TopLevel(s, start, end))
        {
            if (ClauseVocabulary.LabelAt(s, i) is { } label && (labels.Count == 0 || i >= labels[^1].At + labels[^1].Length))
            {
                labels.Add((i, label.Role, label.Length));
            }
        }

        // Text before the first label ("牵投单位：X；配合单位：Y") was not read.
        if (labels.Count > 0 && Trim(s, start, labels[0].At) is var (a, b) && a < b)
        {
            diagnostics.Add(DiagnosticCodes.UnknownClause(s[a..b], text.ToSource(a, b - a)));
        }

        for (var k = 0; k < labels.Count; k++)
        {
            var (at, role, length) = labels[k];
            if (ClauseVocabulary.LacksColon(s, at, length))
            {
                diagnostics.Add(DiagnosticCodes.LabelWithoutColon(s.Substring(at, length), text.ToSource(at, length)));
            }

            AddMentions(text, at + length, k + 1 < labels.Count ? labels[k + 1].At : end, role, roles, diagnostics);
        }
    }

    private static void ReadByVerb(MappedText text, int start, int end, List<RoleMention> roles, List<Diagnostic> diagnostics)
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

            // "X牵头Y负责" without a comma between (not the closing verb: 牵头负责, 为牵头单位).
            var (role, verbStart) = VerbAtEnd(s, a, b);
            var lead = s.IndexOf("牵头", a, b - a, StringComparison.Ordinal);
            if (lead > a && lead + 2 < b && lead < verbStart - 1)
            {
                AddMentions(text, a, lead, Role.Lead, roles, diagnostics);
                a = lead + 2;
                (role, verbStart) = VerbAtEnd(s, a, b);
            }

            if (role is null)
            {
                pending.Add((a, b));
                continue;
            }

            foreach (var (ps, pe) in pending)
            {
                AddMentions(text, ps, pe, role.Value, roles, diagnostics);
            }

            pending.Clear();
            AddMentions(text, a, verbStart, role.Value, roles, diagnostics);
        }
    }

    /// <summary>The last characters the closing verbs end with (负责, 牵头, 配合, 协助, 参与, 协办, 落实, 实施, 抓总, 推进, 为…单位/部门/主体).</summary>
    internal const string VerbLastChars = "责头合助与办实施总进位门体";

    internal static (Role? Role, int VerbStart) VerbAtEnd(string s, int a, int b)
    {
        if (b <= a || !VerbLastChars.Contains(s[b - 1], StringComparison.Ordinal))
        {
            return (null, b);
        }

        var segment = s.AsSpan(a, b - a).ToString();
        foreach (var (pattern, role) in new[] { (ClauseVocabulary.LeadVerb(), Role.Lead), (ClauseVocabulary.CooperatingVerb(), Role.Cooperating), (ClauseVocabulary.ResponsibleVerb(), Role.Responsible) })
        {
            var m = pattern.Match(segment);
            if (m.Success && m.Length > 0)
            {
                return (role, a + m.Index);
            }
        }

        return (null, b);
    }

    /// <summary>The names of a list [start, end) in one role (a declaration's units); what is no name is left out.</summary>
    public static List<RoleMention> Mentions(MappedText text, int start, int end, Role role)
    {
        var roles = new List<RoleMention>();
        AddMentions(text, start, end, role, roles, []);
        return roles;
    }

    /// <summary>Splits a list of names on 、，,；; outside brackets and adds each as a mention; "各区、县级市" stays one collective.</summary>
    private static void AddMentions(MappedText text, int start, int end, Role role, List<RoleMention> roles, List<Diagnostic> diagnostics)
    {
        var s = text.Text;
        var pieces = new List<(int Start, int End)>();
        foreach (var (segStart, segEnd) in Brackets.Split(s, start, end, c => c is '、' or '，' or ',' or '；' or ';' or '。'))
        {
            // "X等和各有关省级人民政府": two names.
            var and = s.IndexOf("等和", segStart, segEnd - segStart, StringComparison.Ordinal);
            if (and > segStart)
            {
                pieces.Add((segStart, and));
                pieces.Add((and + 2, segEnd));
                continue;
            }

            pieces.Add((segStart, segEnd));
        }

        for (var k = 0; k < pieces.Count; k++)
        {
            var (a, b) = Trim(s, pieces[k].Start, pieces[k].End);
            if (a < b && s[a] == '各')
            {
                // 各区、县级市: the bare categories after a collective belong to it.
                var last = k;
                while (last + 1 < pieces.Count && Trim(s, pieces[last + 1].Start, pieces[last + 1].End) is var (c, d) && c < d
                    && ClauseVocabulary.IsBareCategory(s[c..d]))
                {
                    last++;
                }

                if (last > k)
                {
                    AddMention(text, pieces[k].Start, pieces[last].End, role, roles, diagnostics);
                    k = last;
                    continue;
                }
            }

            AddMention(text, pieces[k].Start, pieces[k].End, role, roles, diagnostics);
        }
    }

    private static void AddMention(MappedText text, int start, int end, Role role, List<RoleMention> roles, List<Diagnostic> diagnostics)
    {
        var s = text.Text;
        (start, end) = Trim(s, start, end);
        start = AfterBy(s, start, end);

        if (start >= end)
        {
            return;
        }

        var tail = s.IndexOf('等', start, end - start) >= 0 ? ClauseVocabulary.GenericTail().Match(s, start, end - start) : System.Text.RegularExpressions.Match.Empty;
        if (tail.Success && tail.Index > start)
        {
            end = tail.Index;
        }
        else if (s[end - 1] == '等' && end - start > 2)
        {
            end--;
        }

        // A close bracket that opens nowhere in the name: a typo of the source.
        if (Cjk.IsCloseBracket(s[end - 1]) && MatchingOpen(s, start, end - 1) < 0)
        {
            diagnostics.Add(DiagnosticCodes.Unbalanced(text.ToSource(end - 1, 1)));
            end--;
            (start, end) = Trim(s, start, end);
        }

        if (start >= end)
        {
            return;
        }

        // "配合单位区财政局": a label that lost its colon opens the name.
        if (ClauseVocabulary.LabelWordAt(s, start, end) is { } word)
        {
            diagnostics.Add(DiagnosticCodes.UnknownClause(s[start..end], text.ToSource(start, end - start)));
            start += word.Length;
            role = word.Role;
        }

        var mention = s[start..end];
        var span = text.ToSource(start, end - start);
        var (verdict, why) = NameShape.Judge(mention);
        if (verdict == NameVerdict.NotOrganisation)
        {
            diagnostics.Add(DiagnosticCodes.NotOrganisation(mention, why, span));
            return;
        }

        if (verdict == NameVerdict.Doubtful)
        {
            diagnostics.Add(DiagnosticCodes.DoubtfulOrganisation(mention, why, span));
        }

        roles.Add(new RoleMention(role, mention, span));
    }

    /// <summary>
    /// Where the names start in "由X负责", "具体由X负责", "以上任务由X负责": after a 由 that opens the text or follows
    /// words of the task (具体, 均, …工作, …任务), never inside a name (自由贸易试验区).
    /// </summary>
    internal static int AfterBy(string s, int start, int end)
    {
        var by = s.IndexOf('由', start, end - start);
        if (by < 0 || by + 1 >= end)
        {
            return start;
        }

        var before = s.AsSpan(start, by - start);
        return before.IsEmpty || before is "具体" or "均" or "统一" or "主要" or "分别" or "并" or "具体工作"
            || before.EndsWith("工作", StringComparison.Ordinal) || before.EndsWith("任务", StringComparison.Ordinal)
                ? by + 1
                : start;
    }
}
