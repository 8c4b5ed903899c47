using PolicyLedger.Comparison.Text;

namespace PolicyLedger.Comparison.Alignment;

/// <summary>
/// The sentences (between <c>。；！？</c>) of every item of both documents as content vectors, aligned one to one across
/// the two documents the way items are anchored: an A sentence and a B sentence that are each other's most similar
/// sentence, above the chance level of items and a floor, and more similar to each other than either is to any sentence of
/// another item of its own document, say the same thing wherever each stands. For an item and an item of the other
/// document: the share of the item's content weight whose counterpart sentences stand in that item, with the floor
/// (for parts far apart) or at the chance level only (for parts beside the parts). Each sentence's most similar
/// sentences are computed when first asked for, so a pair with few candidates costs little.
/// </summary>
internal sealed class SentenceAlignment
{
    private readonly Side _a;
    private readonly Side _b;
    private readonly double _floor;
    private readonly double _chance;

    private SentenceAlignment(Side a, Side b, double floor, double chance)
    {
        _a = a;
        _b = b;
        _floor = floor;
        _chance = chance;
    }

    /// <param name="floor">The similarity a counterpart sentence pair must exceed besides the nulls (<see cref="ComparisonOptions.FarPartSentenceSimilarity"/>).</param>
    public static SentenceAlignment Of(PreparedPair pair, double floor) =>
        new(new Side(pair, pair.A), new Side(pair, pair.B), Math.Max(floor, pair.ChanceLevel), pair.ChanceLevel);

    /// <summary>The share of A's item <paramref name="a"/> (by content weight) whose counterpart sentences stand in B's item <paramref name="b"/>.</summary>
    public double ShareOfA(int a, int b) => Share(_a, _b, a, b, _floor);

    /// <summary>The share of B's item <paramref name="b"/> whose counterpart sentences stand in A's item <paramref name="a"/>.</summary>
    public double ShareOfB(int a, int b) => Share(_b, _a, b, a, _floor);

    /// <summary>As <see cref="ShareOfA"/>, counterpart sentences above the chance level of items only (no floor).</summary>
    public double ShareOfAAtChance(int a, int b) => Share(_a, _b, a, b, _chance);

    /// <summary>As <see cref="ShareOfB"/>, counterpart sentences above the chance level of items only (no floor).</summary>
    public double ShareOfBAtChance(int a, int b) => Share(_b, _a, b, a, _chance);

    private static double Share(Side own, Side other, int item, int target, double floor)
    {
        double stated = 0, total = 0;
        foreach (var x in own.OfItem(item))
        {
            total += own.Vectors[x].Mass;
            var (y, similarity) = own.Best(x, other);
            if (y >= 0 && other.Items[y] == target && other.Best(y, own).Index == x
                && similarity > Math.Max(floor, Math.Max(own.NearestOutsideItem(x), other.NearestOutsideItem(y))))
            {
                stated += own.Vectors[x].Mass;
            }
        }

        return total == 0 ? 0 : stated / total;
    }

    /// <summary>One document's sentences, with what is known of them so far.</summary>
    private sealed class Side
    {
        private readonly Dictionary<int, (int Index, double Similarity)> _best = [];
        private readonly Dictionary<int, double> _nearest = [];
        private readonly Dictionary<int, List<int>> _byItem = [];

        public Side(PreparedPair pair, PreparedItem[] items)
        {
            var vectors = new List<SparseVector>();
            var owners = new List<int>();
            foreach (var item in items)
            {
                var own = new List<int>();
                foreach (var (start, end) in Sentences.Of(item.Text))
                {
                    var vector = pair.Content(item.Text, start, end);
                    if (vector.Mass > 0)
                    {
                        own.Add(vectors.Count);
                        vectors.Add(vector);
                        owners.Add(item.Index);
                    }
                }

                _byItem[item.Index] = own;
            }

            Vectors = [.. vectors];
            Items = [.. owners];
        }

        public SparseVector[] Vectors { get; }

        /// <summary>The item each sentence belongs to.</summary>
        public int[] Items { get; }

        public IReadOnlyList<int> OfItem(int item) => _byItem.GetValueOrDefault(item) ?? [];

        /// <summary>The most similar sentence of the other document (-1 when none shares a bigram).</summary>
        public (int Index, double Similarity) Best(int x, Side other)
        {
            if (!_best.TryGetValue(x, out var best))
            {
                best = (-1, 0);
                for (var y = 0; y < other.Vectors.Length; y++)
                {
                    var s = Vectors[x].Cosine(other.Vectors[y]);
                    if (s > best.Similarity)
                    {
                        best = (y, s);
                    }
                }

                _best[x] = best;
            }

            return best;
        }

        /// <summary>The similarity of a sentence to the most similar sentence of another item of its own document.</summary>
        public double NearestOutsideItem(int x)
        {
            if (!_nearest.TryGetValue(x, out var nearest))
            {
                for (var y = 0; y < Vectors.Length; y++)
                {
                    if (Items[y] != Items[x])
                    {
                        nearest = Math.Max(nearest, Vectors[x].Cosine(Vectors[y]));
                    }
                }

                _nearest[x] = nearest;
            }

            return nearest;
        }
    }
}
