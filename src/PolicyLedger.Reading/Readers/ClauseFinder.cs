using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;
using static PolicyLedger.Reading.Readers.ClauseReader;
using static PolicyLedger.Reading.Readers.ClauseText;

namespace PolicyLedger.Reading.Readers;

/// <summary>Where a responsibility clause stands in an item's text, and where its content (inside the brackets) is.</summary>
/// <param name="Unbalanced">The clause opens a bracket that is never closed (or closes one never opened).</param>
/// <param name="Cut">A clause line whose last name is followed by text that opens no sentence ("区城管局人民政"): the
/// clause was cut where the names seem to end, and the rest was not read.</param>
internal readonly record struct ClauseMatch(int Start, int End, int ContentStart, int ContentEnd, bool Bracketed, bool Unbalanced = false, bool Cut = false);

/// <summary>Text that looks like a clause but is not read as one: a bracket that does not parse, or 由X负责… inside a sentence.</summary>
internal readonly record struct NearMiss(int Start, int End, bool InSentence);

/// <summary>The clauses of an item's text, in order, and the clause-like text that was not read.</summary>
internal sealed record ClauseScan(IReadOnlyList<ClauseMatch> Clauses, IReadOnlyList<NearMiss> NearMisses)
{
    public static readonly ClauseScan None = new([], []);
}

/// <summary>
/// Finds where responsibility clauses stand in an item's text, in every style the documents use, wherever they stand
/// (an item may hold several, each closing its own sub-task): bracket groups whose content is a clause (keyed —
/// （牵头单位：X，责任单位：Y、Z） — or names closed by a verb — (X牵头,Y、Z按职责分工负责), (由X负责)); clause lines
/// ("责任单位：X、Y", "牵头单位：A 配合单位：B") that end where the unit names end; clauses whose bracket is missing on
/// one side. Also what looks like a clause but is none: a bracket with 负责/单位 that does not parse, an unknown label,
/// "由X负责…" inside a sentence. <see cref="ClauseReader"/> reads the roles of each clause found.
/// </summary>
internal static class ClauseFinder
{
    public static bool StartsWithLabel(string text) => ClauseVocabulary.LabelAt(text, 0) is not null;

    /// <summary>The text ends with a bracketed clause (a closing bracket, perhaps a full stop after it).</summary>
    public static bool EndsWithClause(MappedText text)
    {
        var end = TrimEnd(text.Text, text.Length);
        return end > 0 && Cjk.IsCloseBracket(text.Text[end - 1]) && BracketStart(text.Text, end) is { } open && LooksLikeClause(text.Text, open + 1, end - 1);
    }

    /// <summary>Whether the text holds any responsibility clause.</summary>
    public static bool HasClause(string text) => Scan(text, nearMisses: false).Clauses.Count > 0;

    /// <summary>Every clause of the text in order, and the clause-like text that is not one.</summary>
    public static ClauseScan Scan(string text, bool nearMisses = true)
    {
        List<ClauseMatch>? clauses = null;
        List<NearMiss>? misses = null;
        var n = text.Length;
        var closes = text.AsSpan().IndexOfAny("（(〔[【［｛{") >= 0 ? Closes(text) : null;
        var i = 0;
        while (i < n)
        {
            var c = text[i];
            if (Cjk.IsOpenBracket(c))
            {
                var close = closes![i];
                if (close < 0)
                {
                    // "（责任单位：X、Y" never closed: read the units, say the bracket is unbalanced.
                    var label = SkipSpaces(text, i + 1);
                    if (ClauseVocabulary.LabelAt(text, label) is not null)
                    {
                        var (runEnd, cut) = KeyedRunEnd(text, label);
                        (clauses ??= []).Add(new ClauseMatch(i, runEnd, label, runEnd, Bracketed: false, Unbalanced: true, Cut: cut));
                        i = runEnd;
                        continue;
                    }

                    // "（X、Y负责" never closed (at the end of the item).
                    var contentEnd = TrimEnd(text, n);
                    if (contentEnd - i <= 200 && IsClauseContent(text, i + 1, contentEnd))
                    {
                        (clauses ??= []).Add(new ClauseMatch(i, n, i + 1, contentEnd, Bracketed: false, Unbalanced: true));
                        break;
                    }

                    i++;
                    continue;
                }

                if (MayBeClause(text, i + 1, close) && LooksLikeClause(text, i + 1, close))
                {
                    (clauses ??= []).Add(new ClauseMatch(i, close + 1, i + 1, close, Bracketed: true));
                }
                else if (nearMisses && HasClauseWord(text, i + 1, close))
                {
                    (misses ??= []).Add(new NearMiss(i, close + 1, InSentence: false));
                }

                i = close + 1;
                continue;
            }

            if (ClauseVocabulary.LabelAt(text, i) is not null)
            {
                var (runEnd, cut) = KeyedRunEnd(text, i);

                // "责任单位：X、Y）": a bracket closed that was never opened, a typo of the source.
                var stray = SkipSpaces(text, runEnd);
                if (stray < n && Cjk.IsCloseBracket(text[stray]) && MatchingOpen(text, 0, stray) < 0)
                {
                    (clauses ??= []).Add(new ClauseMatch(i, stray + 1, i, runEnd, Bracketed: false, Unbalanced: true, Cut: cut));
                    i = stray + 1;
                    continue;
                }

                (clauses ??= []).Add(new ClauseMatch(i, runEnd, i, runEnd, Bracketed: false, Cut: cut));
                i = runEnd;
                continue;
            }

            // "…。X、Y负责）": a clause whose open bracket is missing.
            // (A close bracket met here closes nothing: matched groups were skipped whole.)
            if (Cjk.IsCloseBracket(c) && StrayClauseStart(text, i) is { } open)
            {
                (clauses ??= []).Add(new ClauseMatch(open, i + 1, open, i, Bracketed: false, Unbalanced: true));
                i++;
                continue;
            }

            // "牵投单位：", "责任人单位：": a label the reader does not know.
            if (nearMisses && c is '：' or ':' && i >= 2 && text.AsSpan(i - 2, 2) is "单位" or "部门" && UnknownLabelStart(text, i) is { } labelStart)
            {
                (misses ??= []).Add(new NearMiss(labelStart, i + 1, InSentence: false));
            }

            if (nearMisses && c == '由' && InSentenceClause(text, i) is { } end)
            {
                (misses ??= []).Add(new NearMiss(i, end, InSentence: true));
                i = end;
                continue;
            }

            i++;
        }

        return clauses is null && misses is null ? ClauseScan.None : new ClauseScan((IReadOnlyList<ClauseMatch>?)clauses ?? [], (IReadOnlyList<NearMiss>?)misses ?? []);
    }

    /// <summary>
    /// Where a keyed run that starts with a label at <paramref name="start"/> ends: after its last label's unit names;
    /// and whether it was cut before text that opens no sentence.
    /// </summary>
    private static (int End, bool Cut) KeyedRunEnd(string s, int start)
    {
        var at = start;
        while (true)
        {
            var label = ClauseVocabulary.LabelAt(s, at)!.Value;
            var (listEnd, cut) = UnitListEnd(s, at + label.Length);
            var next = listEnd;
            while (next < s.Length && (Cjk.IsSpace(s[next]) || s[next] is '，' or ',' or '；' or ';' or '。' or '、'))
            {
                next++;
            }

            if (next < s.Length && ClauseVocabulary.LabelAt(s, next) is not null)
            {
                at = next;
                continue;
            }

            return (listEnd, cut);
        }
    }

    /// <summary>
    /// Where a list of unit names that starts at <paramref name="start"/> ends: at a full stop, before a piece that is no
    /// name, or right after the name a piece opens with ("区财政局二是完善设施" ends after 区财政局); cut there when what
    /// follows opens no sentence. A piece that is no name between names (X、区城管局2024年底前、Y) stays in the list
    /// for the clause reader to report; so does one after a comma that ends the list.
    /// </summary>
    private static (int End, bool Cut) UnitListEnd(string s, int start)
    {
        var i = SkipSpaces(s, start);
        var end = i;
        while (i < s.Length)
        {
            var j = PieceEnd(s, i);
            var (a, b) = Trim(s, i, j);
            if (a < b)
            {
                var nameEnd = NameShape.NameEnd(s, a, b);
                if (nameEnd < b && j < s.Length && s[j] == '、' && b - a <= NameShape.MaxLength && NameFollows(s, j + 1))
                {
                    end = b;
                }
                else if (nameEnd < 0)
                {
                    // Nothing name-like: the list ended before this piece, unless a comma binds it to the list.
                    return (j < s.Length && s[j] is '、' && (end > start || NameFollows(s, j + 1)) ? PieceAfterComma(s, i, j, end) : end, false);
                }
                else if (nameEnd < b)
                {
                    return (nameEnd, !NameShape.StartsSentence(s, nameEnd));
                }
                else
                {
                    end = b;
                }
            }

            if (j >= s.Length || s[j] is '。' || ClauseVocabulary.LabelAt(s, SkipSeparators(s, j)) is not null)
            {
                return (Math.Max(end, a < b ? b : end), false);
            }

            i = j + 1;
        }

        return (end, false);
    }

    /// <summary>The list piece at <paramref name="from"/> reads as a name.</summary>
    private static bool NameFollows(string s, int from)
    {
        var (a, b) = Trim(s, from, PieceEnd(s, from));
        return a < b && NameShape.Judge(s[a..b]).Verdict == NameVerdict.Organisation;
    }

    /// <summary>A piece after 、 that is no name still belongs to the list (the clause reader reports it), up to its end.</summary>
    private static int PieceAfterComma(string s, int pieceStart, int pieceEnd, int listEnd) =>
        Trim(s, pieceStart, pieceEnd) is var (a, b) && b - a <= NameShape.MaxLength ? b : listEnd;

    /// <summary>The end of the list piece at <paramref name="start"/>: the next 、，,；;。 outside brackets, or the end.</summary>
    private static int PieceEnd(string s, int start)
    {
        var depth = 0;
        for (var i = start; i < s.Length; i++)
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
            else if (depth == 0 && (c is '、' or '，' or ',' or '；' or ';' or '。' || (i > start && ClauseVocabulary.LabelAt(s, i) is not null)))
            {
                return i;
            }
        }

        return s.Length;
    }

    /// <summary>For each open bracket of the text, the index of the bracket that closes it, or -1 (one pass).</summary>
    private static int[] Closes(string s)
    {
        var closes = new int[s.Length];
        var open = new Stack<int>();
        for (var i = 0; i < s.Length; i++)
        {
            closes[i] = -1;
            if (Cjk.IsOpenBracket(s[i]))
            {
                open.Push(i);
            }
            else if (Cjk.IsCloseBracket(s[i]) && open.Count > 0)
            {
                closes[open.Pop()] = i;
            }
        }

        return closes;
    }

    /// <summary>The open bracket of the group that closes just before <paramref name="end"/>, or null.</summary>
    private static int? BracketStart(string s, int end)
    {
        var open = MatchingOpen(s, 0, end - 1);
        return open >= 0 ? open : null;
    }

    /// <summary>
    /// A cheap first look at bracket content: only content holding a colon (a label) or ending, perhaps before a stop,
    /// with a verb's last character can be a clause ("（含高技能人才1.5万人）" cannot).
    /// </summary>
    private static bool MayBeClause(string s, int start, int end)
    {
        var last = end;
        while (last > start && (s[last - 1] is '。' or '.' or '；' or ';' or ' '))
        {
            last--;
        }

        return last - start >= 3 && (VerbLastChars.Contains(s[last - 1], StringComparison.Ordinal) || s.AsSpan(start, last - start).IndexOfAny('：', ':') >= 0
            || s.AsSpan(start, last - start).Contains("下同", StringComparison.Ordinal) || s.AsSpan(start, last - start).Contains("列出", StringComparison.Ordinal));
    }

    /// <summary>Whether text [start, end) (a bracket's content) reads as a clause: a label, or names closed by a verb.</summary>
    public static bool IsClauseContent(string s, int start, int end) => LooksLikeClause(s, start, TrimEnd(s, end));

    /// <summary>Where the clause closed by a stray bracket at <paramref name="close"/> starts: after the last stop, when that text is a clause.</summary>
    private static int? StrayClauseStart(string s, int close)
    {
        var start = close;
        while (start > 0 && close - start <= 80 && s[start - 1] is not ('。' or '；' or ';' or '）' or ')'))
        {
            start--;
        }

        while (start < close && Cjk.IsSpace(s[start]))
        {
            start++;
        }

        return close - start is >= 3 and <= 80 && !HasLabel(s, start, close) && LooksLikeClause(s, start, close) ? start : null;
    }

    /// <summary>The start of an unknown label ending at the colon at <paramref name="colon"/>, or null when a known label ends there.</summary>
    private static int? UnknownLabelStart(string s, int colon)
    {
        var start = colon - 2;
        while (start > 0 && colon - start < 6 && Cjk.IsHan(s[start - 1]))
        {
            start--;
        }

        for (var k = start; k < colon - 1; k++)
        {
            if (ClauseVocabulary.LabelAt(s, k) is not null)
            {
                return null;
            }
        }

        return start;
    }

    /// <summary>Whether bracket content [start, end) reads as a clause: a label, or names closed by a verb.</summary>
    internal static bool LooksLikeClause(string s, int start, int end)
    {
        end = StripDeclarations(s, start, end);
        if (end <= start)
        {
            return false;
        }

        if (HasLabel(s, start, end))
        {
            return true;
        }

        if (s.AsSpan(start, end - start).Contains("为牵头", StringComparison.Ordinal)
            && ClauseVocabulary.LeadRuleAtEnd().Match(s, start, end - start) is { Success: true } rule)
        {
            end = rule.Index;
        }

        while (end > start && s[end - 1] is '。' or '.' or ' ' or '；' or ';')
        {
            end--;
        }

        if (end - start < 3)
        {
            return false;
        }

        var content = s.AsSpan(start, end - start);
        if (content.Contains("负责人", StringComparison.Ordinal) || content.Contains("负责制", StringComparison.Ordinal))
        {
            return false;
        }

        var (role, verbStart) = VerbAtEnd(s, start, end);
        if (role is null)
        {
            return false;
        }

        // The names before the verb must read as names (not "含3个以上企业参与" or "明确专人负责").
        var names = s[start..verbStart];
        var cut = names.LastIndexOfAny(['，', ',', '；', ';', '。']);
        var last = cut >= 0 ? names[(cut + 1)..] : names;
        last = last[(AfterBy(last, 0, last.Length))..].TrimEnd('等');
        var tail = ClauseVocabulary.GenericTail().Match(last);
        if (tail.Success && tail.Index > 0)
        {
            last = last[..tail.Index];
        }

        var pieces = last.Split(['、'], StringSplitOptions.RemoveEmptyEntries);
        return pieces.Length > 0 && NameShape.Judge(pieces[^1].Trim()).Verdict != NameVerdict.NotOrganisation
            && (cut < 0 || LeadingSegmentsAreNames(s, start, start + cut));
    }

    /// <summary>The segments before the last (X牵头，…) close with a verb or are lists of names.</summary>
    private static bool LeadingSegmentsAreNames(string s, int start, int end)
    {
        foreach (var (a, b) in Brackets.Split(s, start, end, c => c is '，' or ',' or '；' or ';' or '。'))
        {
            var (x, y) = Trim(s, a, b);
            if (x >= y)
            {
                continue;
            }

            var (role, verbStart) = VerbAtEnd(s, x, y);
            var names = role is null ? s[x..y] : s[x..verbStart];
            var lead = names.IndexOf("牵头", StringComparison.Ordinal);
            if (lead > 0)
            {
                names = names[..lead];
            }

            names = names[AfterBy(names, 0, names.Length)..];

            foreach (var piece in names.Split(['、'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (NameShape.Judge(piece.Trim().TrimEnd('等')).Verdict == NameVerdict.NotOrganisation)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Removes a declaration covering later items from the end of clause content ("…；以下各项均需…落实，不再列出").</summary>
    internal static int StripDeclarations(string s, int start, int end)
    {
        var content = s.AsSpan(start, end - start);
        if (!content.Contains("不再", StringComparison.Ordinal))
        {
            return end;
        }

        foreach (var pattern in new[] { ClauseVocabulary.DeclarationBefore(), ClauseVocabulary.DeclarationAfter() })
        {
            var m = pattern.Match(s, start, end - start);
            if (m.Success)
            {
                var cut = m.Index;
                while (cut > start && s[cut - 1] is '。' or '；' or ';' or '，' or ',' or ' ')
                {
                    cut--;
                }

                return cut;
            }
        }

        return end;
    }

    internal static bool HasLabel(string s, int start, int end) =>
        Brackets.IndexOf(s, start, end, (t, i) => ClauseVocabulary.LabelAt(t, i) is not null) >= 0;

    private static bool HasClauseWord(string s, int start, int end)
    {
        var content = s.AsSpan(start, end - start);
        if (content.Contains("负责人", StringComparison.Ordinal) || content.Contains("负责制", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var word in ClauseVocabulary.ClauseWords)
        {
            if (content.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"由区财政局负责资金保障" inside a sentence: 由, a name, then 负责/牵头 and more text. Returns where it ends.</summary>
    private static int? InSentenceClause(string s, int at)
    {
        var limit = Math.Min(s.Length, at + 1 + NameShape.MaxLength + 4);
        for (var i = at + 2; i + 1 < limit; i++)
        {
            if (s[i] is '，' or ',' or '。' or '；' or ';' || Cjk.IsOpenBracket(s[i]))
            {
                return null;
            }

            if ((s[i] == '负' && s[i + 1] == '责') || (s[i] == '牵' && s[i + 1] == '头'))
            {
                var name = s[(at + 1)..i];
                if (NameShape.Judge(name).Verdict != NameVerdict.Organisation || ClauseVocabulary.OrganisationEnd(name) is null)
                {
                    return null;
                }

                var end = i + 2;
                while (end < s.Length && s[end] is not ('，' or ',' or '。' or '；' or ';') && !Cjk.IsOpenBracket(s[end]))
                {
                    end++;
                }

                return end;
            }
        }

        return null;
    }
}
