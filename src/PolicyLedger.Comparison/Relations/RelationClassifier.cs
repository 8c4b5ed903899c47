using PolicyLedger.Comparison.Alignment;
using PolicyLedger.Comparison.Text;

namespace PolicyLedger.Comparison.Relations;

/// <summary>
/// Says how B's item(s) relate to A's item. A differing figure for the same quantity makes the pair
/// <see cref="Relation.ChangedFigure"/>. Otherwise each side's extras are weighed:
/// <list type="bullet">
/// <item><b>Sentences</b> (between <c>。；！？</c>) the other side lacks: a sentence is new when less than
/// <see cref="ComparisonOptions.NewSentenceCoverage"/> of its content weight (boilerplate words left out) occurs on the
/// other side: a sub-measure, a step or a target the other side does not have.</item>
/// <item><b>Members</b> of an enumeration (燃气、矿山、危险化学品…; 粮食、成品粮油、猪肉、蔬菜) that the other side lacks
/// while it has most of the list: a sector, commodity or group of beneficiaries added or dropped inside an otherwise
/// matching sentence.</item>
/// </list>
/// B is broadened when its extras weigh at least <see cref="ComparisonOptions.ClearlyMore"/> times A's, narrowed the
/// other way round, and the same when neither side adds clearly more (extra detail on both sides, or none). Parts of a
/// B bundle that are paired with other A items are not counted against A.
/// </summary>
internal static class RelationClassifier
{
    private const string SentenceEnds = "；;。！？!?\n";

    public static Relation Classify(
        PreparedItem a,
        IReadOnlyList<PreparedItem> b,
        IReadOnlyList<PreparedItem> otherPartnersOfB,
        PreparedPair pair,
        bool figuresDiffer,
        ComparisonOptions options)
    {
        if (figuresDiffer)
        {
            return Relation.ChangedFigure;
        }

        var bUnion = SparseVector.Sum(b.Select(x => x.Vector));
        var elsewhere = SparseVector.Sum(otherPartnersOfB.Select(x => x.Vector));
        var bText = string.Join("。", b.Select(x => x.Text));
        var elsewhereText = string.Join("。", otherPartnersOfB.Select(x => x.Text));
        var extraA = NewSentences([a], bUnion, SparseVector.Empty, pair, options) + MissingMembers(a.Text, bText, string.Empty, pair);
        var extraB = b.Sum(x => NewSentences([x], a.Vector, elsewhere, pair, options) + MissingMembers(x.Text, a.Text, elsewhereText, pair));
        if (extraB > 0 && extraB >= options.ClearlyMore * extraA)
        {
            return Relation.Broadened;
        }

        if (extraA > 0 && extraA >= options.ClearlyMore * extraB)
        {
            return Relation.Narrowed;
        }

        return Relation.Same;
    }

    /// <summary>The content weight of the sentences of <paramref name="side"/> that <paramref name="other"/> lacks and that are not the part of a bundle paired elsewhere.</summary>
    private static double NewSentences(IEnumerable<PreparedItem> side, SparseVector other, SparseVector elsewhere, PreparedPair pair, ComparisonOptions options)
    {
        double weight = 0;
        foreach (var item in side)
        {
            foreach (var (start, end) in Sentences(item.Text))
            {
                var sentence = pair.Content(item.Text, start, end);
                if (sentence.Mass == 0 || sentence.CoveredBy(other) >= options.NewSentenceCoverage)
                {
                    continue;
                }

                if (elsewhere.Count > 0 && sentence.CoveredBy(elsewhere) >= options.NewSentenceCoverage)
                {
                    continue;
                }

                weight += sentence.Mass;
            }
        }

        return weight;
    }

    /// <summary>
    /// The content weight of the members of <paramref name="text"/>'s enumerations that <paramref name="other"/> does
    /// not name, in enumerations of which <paramref name="other"/> names at least half the members (so that the list is the
    /// same list, with members added or dropped). Members named in <paramref name="elsewhere"/> do not count.
    /// </summary>
    private static double MissingMembers(string text, string other, string elsewhere, PreparedPair pair)
    {
        double weight = 0;
        foreach (var members in Enumeration.Lists(text))
        {
            var named = members.Count(m => other.Contains(m.Text, StringComparison.Ordinal));
            if (named * 2 < members.Count || named == members.Count)
            {
                continue;
            }

            foreach (var m in members.Where(m => !other.Contains(m.Text, StringComparison.Ordinal) && !elsewhere.Contains(m.Text, StringComparison.Ordinal)))
            {
                weight += pair.Content(text, m.Start, m.Start + m.Text.Length).Mass;
            }
        }

        return weight;
    }

    private static IEnumerable<(int Start, int End)> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || SentenceEnds.Contains(text[i]))
            {
                if (i > start)
                {
                    yield return (start, i);
                }

                start = i + 1;
            }
        }
    }
}
