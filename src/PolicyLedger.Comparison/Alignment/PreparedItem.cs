using PolicyLedger.Comparison.Figures;
using PolicyLedger.Comparison.Text;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Comparison.Alignment;

/// <summary>An item ready to compare: the text compared (its task, the responsibility clause left out), its section, its vector and its figures.</summary>
internal sealed record PreparedItem(int Index, PolicyItem Item, string Text, string Section, SparseVector Vector, IReadOnlyList<Figure> Figures);

/// <summary>
/// Two lists of items prepared against one set of term weights (the inverse document frequency of each bigram over
/// the items of both), with every similarity the aligner needs computed once.
/// </summary>
internal sealed class PreparedPair
{
    private PreparedPair(PreparedItem[] a, PreparedItem[] b, TermWeights weights)
    {
        A = a;
        B = b;
        Weights = weights;
        Similarity = new double[a.Length, b.Length];
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < b.Length; j++)
            {
                Similarity[i, j] = a[i].Vector.Cosine(b[j].Vector);
            }
        }

        NearestSiblingA = NearestSiblings(a);
        NearestSiblingB = NearestSiblings(b);
    }

    public PreparedItem[] A { get; }

    public PreparedItem[] B { get; }

    public TermWeights Weights { get; }

    /// <summary>Cosine similarity of A's item i with B's item j.</summary>
    public double[,] Similarity { get; }

    /// <summary>
    /// For each item of A, its similarity to the most similar other item of A: how alike two different measures of
    /// one document can be. This is the null the aligner measures cross-document similarity against.
    /// </summary>
    public double[] NearestSiblingA { get; }

    public double[] NearestSiblingB { get; }

    public static PreparedPair Create(IReadOnlyList<PolicyItem> a, IReadOnlyList<PolicyItem> b)
    {
        var textsA = a.Select(ComparedDocument.TextOf).ToArray();
        var textsB = b.Select(ComparedDocument.TextOf).ToArray();
        var countsA = textsA.Select(t => Bigrams.Count(t, 0, t.Length)).ToArray();
        var countsB = textsB.Select(t => Bigrams.Count(t, 0, t.Length)).ToArray();
        var weights = TermWeights.FromDocuments([.. countsA, .. countsB]);
        return new PreparedPair(Prepare(a, textsA, countsA, weights), Prepare(b, textsB, countsB, weights), weights);
    }

    public static string SectionOf(PolicyItem item) => string.Join('\u0001', item.Headings);

    private static PreparedItem[] Prepare(IReadOnlyList<PolicyItem> items, string[] texts, Dictionary<uint, int>[] counts, TermWeights weights) =>
        items.Select((item, i) => new PreparedItem(i, item, texts[i], SectionOf(item), SparseVector.FromCounts(counts[i], weights), FigureReader.Read(item, texts[i])))
            .ToArray();

    private static double[] NearestSiblings(PreparedItem[] items)
    {
        var nearest = new double[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            for (var k = i + 1; k < items.Length; k++)
            {
                var s = items[i].Vector.Cosine(items[k].Vector);
                nearest[i] = Math.Max(nearest[i], s);
                nearest[k] = Math.Max(nearest[k], s);
            }
        }

        return nearest;
    }
}
