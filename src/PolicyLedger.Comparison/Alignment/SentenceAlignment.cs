using PolicyLedger.Comparison.Text;

namespace PolicyLedger.Comparison.Alignment;

/// <summary>
/// The sentences (between <c>。；！？</c>) of every item of both documents as content vectors, aligned one to one across
/// the two documents the way items are anchored: an A sentence and a B sentence that are each other's most similar
/// sentence, above the chance level of items and a floor, and more similar to each other than either is to any sentence of
/// another item of its own document, say the same thing wherever each stands. For an item and an item of the other document:
/// the share of the item's content weight whose counterpart sentences stand in that item.
/// </summary>
internal sealed class SentenceAlignment
{
    private readonly Dictionary<(int A, int B), double> _shareOfA;
    private readonly Dictionary<(int A, int B), double> _shareOfB;

    private SentenceAlignment(Dictionary<(int, int), double> shareOfA, Dictionary<(int, int), double> shareOfB)
    {
        _shareOfA = shareOfA;
        _shareOfB = shareOfB;
    }

    /// <summary>The share of A's item <paramref name="a"/> (by content weight) whose counterpart sentences stand in B's item <paramref name="b"/>.</summary>
    public double ShareOfA(int a, int b) => _shareOfA.GetValueOrDefault((a, b));

    /// <summary>The share of B's item <paramref name="b"/> whose counterpart sentences stand in A's item <paramref name="a"/>.</summary>
    public double ShareOfB(int a, int b) => _shareOfB.GetValueOrDefault((a, b));

    /// <param name="floor">The similarity a counterpart sentence pair must exceed besides the nulls (<see cref="ComparisonOptions.FarPartSentenceSimilarity"/>).</param>
    public static SentenceAlignment Of(PreparedPair pair, double floor)
    {
        var a = Split(pair, pair.A);
        var b = Split(pair, pair.B);
        var nullA = NearestOutsideItem(a);
        var nullB = NearestOutsideItem(b);
        var bestForA = Enumerable.Repeat(-1, a.Count).ToArray();
        var bestValueA = new double[a.Count];
        var bestForB = Enumerable.Repeat(-1, b.Count).ToArray();
        var bestValueB = new double[b.Count];
        for (var i = 0; i < a.Count; i++)
        {
            for (var j = 0; j < b.Count; j++)
            {
                var s = a[i].Vector.Cosine(b[j].Vector);
                if (s > bestValueA[i])
                {
                    (bestForA[i], bestValueA[i]) = (j, s);
                }

                if (s > bestValueB[j])
                {
                    (bestForB[j], bestValueB[j]) = (i, s);
                }
            }
        }

        var massA = Mass(a, pair.A.Length);
        var massB = Mass(b, pair.B.Length);
        var shareOfA = new Dictionary<(int, int), double>();
        var shareOfB = new Dictionary<(int, int), double>();
        for (var i = 0; i < a.Count; i++)
        {
            var j = bestForA[i];
            if (j >= 0 && bestForB[j] == i && bestValueA[i] > Math.Max(Math.Max(pair.ChanceLevel, floor), Math.Max(nullA[i], nullB[j])))
            {
                var key = (a[i].Item, b[j].Item);
                shareOfA[key] = shareOfA.GetValueOrDefault(key) + (a[i].Vector.Mass / massA[a[i].Item]);
                shareOfB[key] = shareOfB.GetValueOrDefault(key) + (b[j].Vector.Mass / massB[b[j].Item]);
            }
        }

        return new SentenceAlignment(shareOfA, shareOfB);
    }

    /// <summary>For each sentence, its similarity to the most similar sentence of another item of its own document.</summary>
    private static double[] NearestOutsideItem(List<(int Item, SparseVector Vector)> sentences)
    {
        var nearest = new double[sentences.Count];
        for (var x = 0; x < sentences.Count; x++)
        {
            for (var y = x + 1; y < sentences.Count; y++)
            {
                if (sentences[x].Item != sentences[y].Item)
                {
                    var s = sentences[x].Vector.Cosine(sentences[y].Vector);
                    nearest[x] = Math.Max(nearest[x], s);
                    nearest[y] = Math.Max(nearest[y], s);
                }
            }
        }

        return nearest;
    }

    private static double[] Mass(List<(int Item, SparseVector Vector)> sentences, int items)
    {
        var mass = new double[items];
        foreach (var (item, vector) in sentences)
        {
            mass[item] += vector.Mass;
        }

        return mass;
    }

    private static List<(int Item, SparseVector Vector)> Split(PreparedPair pair, PreparedItem[] items)
    {
        var sentences = new List<(int, SparseVector)>();
        foreach (var item in items)
        {
            foreach (var (start, end) in Sentences.Of(item.Text))
            {
                var vector = pair.Content(item.Text, start, end);
                if (vector.Mass > 0)
                {
                    sentences.Add((item.Index, vector));
                }
            }
        }

        return sentences;
    }
}
