using PolicyLedger.Comparison.Alignment;
using PolicyLedger.Comparison.Text;

namespace PolicyLedger.Comparison.Relations;

/// <summary>
/// Says how B's item(s) relate to A's item. A differing figure for the same quantity makes the pair
/// <see cref="Relation.ChangedFigure"/>. Otherwise each side's sentences are read against the other side: a sentence
/// is new (a sub-measure, group or sector the other lacks) when less than
/// <see cref="ComparisonOptions.NewSentenceCoverage"/> of its weight occurs on the other side. B is broadened when
/// its new sentences weigh at least <see cref="ComparisonOptions.ClearlyMore"/> times A's, narrowed the other way
/// round, and the same when neither side adds clearly more (extra detail on both sides, or none). Parts of a B
/// bundle that are paired with other A items are not counted against A.
/// </summary>
internal static class RelationClassifier
{
    private const string SentenceEnds = "。；;！？!?\n";

    public static Relation Classify(
        PreparedItem a,
        IReadOnlyList<PreparedItem> b,
        IReadOnlyList<PreparedItem> otherPartnersOfB,
        TermWeights weights,
        bool figuresDiffer,
        ComparisonOptions options)
    {
        if (figuresDiffer)
        {
            return Relation.ChangedFigure;
        }

        var bUnion = SparseVector.Sum(b.Select(x => x.Vector));
        var elsewhere = SparseVector.Sum(otherPartnersOfB.Select(x => x.Vector));
        var newInA = NewWeight([a], bUnion, SparseVector.Empty, weights, options);
        var newInB = NewWeight(b, a.Vector, elsewhere, weights, options);
        if (newInB > 0 && newInB >= options.ClearlyMore * newInA)
        {
            return Relation.Broadened;
        }

        if (newInA > 0 && newInA >= options.ClearlyMore * newInB)
        {
            return Relation.Narrowed;
        }

        return Relation.Same;
    }

    /// <summary>The weight of the sentences of <paramref name="side"/> that <paramref name="other"/> lacks and that are not the part of a bundle paired elsewhere.</summary>
    private static double NewWeight(IEnumerable<PreparedItem> side, SparseVector other, SparseVector elsewhere, TermWeights weights, ComparisonOptions options)
    {
        double weight = 0;
        foreach (var item in side)
        {
            foreach (var (start, end) in Sentences(item.Text))
            {
                var sentence = SparseVector.FromCounts(Bigrams.Count(item.Text, start, end), weights);
                if (sentence.Mass == 0 || sentence.CoveredBy(other) >= options.NewSentenceCoverage)
                {
                    continue;
                }

                if (elsewhere.Count > 0 && sentence.CoveredBy(elsewhere) >= 0.5)
                {
                    continue;
                }

                weight += sentence.Mass;
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
