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
/// A side's extras that weigh less than <see cref="ComparisonOptions.DetailShare"/> of its own content are detail and
/// count as none. B is broadened when its extras weigh at least <see cref="ComparisonOptions.ClearlyMore"/> times A's,
/// narrowed the other way round, and the same when neither side adds clearly more (extra detail on both sides, or none). Parts of a
/// B bundle that are paired with other A items are not counted against A.
/// </summary>
internal static class RelationClassifier
{
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
        var sentencesA = SentenceVectors(a.Text, pair);
        var sentencesB = b.SelectMany(x => SentenceVectors(x.Text, pair)).ToList();
        var (counterpartA, counterpartB) = Counterparts(sentencesA, sentencesB);
        var extraA = Counted(NewSentences(sentencesA, counterpartA, bUnion, SparseVector.Empty, options) + MissingMembers(a.Text, bText, string.Empty, pair), sentencesA, options);
        var extraB = Counted(NewSentences(sentencesB, counterpartB, a.Vector, elsewhere, options) + b.Sum(x => MissingMembers(x.Text, a.Text, elsewhereText, pair)), sentencesB, options);
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

    /// <summary>A side's extras as they count: nothing when they weigh less than <see cref="ComparisonOptions.DetailShare"/> of the side's content (detail).</summary>
    private static double Counted(double extras, List<SparseVector> sentences, ComparisonOptions options) =>
        extras >= options.DetailShare * sentences.Sum(v => v.Mass) ? extras : 0;

    /// <summary>
    /// The content weight of the sentences of one side that the other side lacks: a sentence is new when it is no sentence's
    /// counterpart on the other side and less than <see cref="ComparisonOptions.NewSentenceCoverage"/> of it occurs there
    /// (nor, for B, in the part of a bundle paired elsewhere).
    /// </summary>
    private static double NewSentences(List<SparseVector> sentences, bool[] counterpart, SparseVector other, SparseVector elsewhere, ComparisonOptions options)
    {
        double weight = 0;
        for (var k = 0; k < sentences.Count; k++)
        {
            var sentence = sentences[k];
            if (counterpart[k] || sentence.CoveredBy(other) >= options.NewSentenceCoverage
                || (elsewhere.Count > 0 && sentence.CoveredBy(elsewhere) >= options.NewSentenceCoverage))
            {
                continue;
            }

            weight += sentence.Mass;
        }

        return weight;
    }

    /// <summary>
    /// Sentence alignment: a sentence of A and a sentence of B that are each other's most similar sentence (cosine of their
    /// content) say the same thing in their own words, however differently; they are counterparts, never new.
    /// </summary>
    private static (bool[] A, bool[] B) Counterparts(List<SparseVector> a, List<SparseVector> b)
    {
        var counterpartA = new bool[a.Count];
        var counterpartB = new bool[b.Count];
        var similarity = new double[a.Count, b.Count];
        for (var i = 0; i < a.Count; i++)
        {
            for (var j = 0; j < b.Count; j++)
            {
                similarity[i, j] = a[i].Cosine(b[j]);
            }
        }

        for (var i = 0; i < a.Count; i++)
        {
            var j = Best(b.Count, k => similarity[i, k]);
            if (j >= 0 && Best(a.Count, k => similarity[k, j]) == i)
            {
                counterpartA[i] = counterpartB[j] = true;
            }
        }

        return (counterpartA, counterpartB);
    }

    private static int Best(int count, Func<int, double> value)
    {
        var best = -1;
        var bestValue = 0.0;
        for (var k = 0; k < count; k++)
        {
            if (value(k) > bestValue)
            {
                best = k;
                bestValue = value(k);
            }
        }

        return best;
    }

    private static List<SparseVector> SentenceVectors(string text, PreparedPair pair) =>
        Text.Sentences.Of(text).Select(s => pair.Content(text, s.Start, s.End)).Where(v => v.Mass > 0).ToList();

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
}
