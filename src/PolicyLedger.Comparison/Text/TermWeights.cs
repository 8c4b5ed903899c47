namespace PolicyLedger.Comparison.Text;

/// <summary>
/// Inverse document frequency of bigrams over the items being compared: log((N + 1) / (df + 0.5)), where N is the
/// number of items and df how many of them hold the bigram. A word every measure uses (支持, 企业) weighs little; a
/// word of one measure (智慧岛, 消费券) weighs much. A bigram no item holds gets the weight of the rarest.
/// </summary>
public sealed class TermWeights
{
    private readonly Dictionary<uint, double> _weights;
    private readonly double _unseen;

    private TermWeights(Dictionary<uint, double> weights, double unseen)
    {
        _weights = weights;
        _unseen = unseen;
    }

    public static TermWeights FromDocuments(IEnumerable<IReadOnlyDictionary<uint, int>> itemCounts)
    {
        var frequency = new Dictionary<uint, int>();
        var n = 0;
        foreach (var counts in itemCounts)
        {
            n++;
            foreach (var key in counts.Keys)
            {
                frequency[key] = frequency.GetValueOrDefault(key) + 1;
            }
        }

        var weights = frequency.ToDictionary(p => p.Key, p => Math.Log((n + 1) / (p.Value + 0.5)));
        return new TermWeights(weights, Math.Log((n + 1) / 0.5));
    }

    public double this[uint bigram] => _weights.TryGetValue(bigram, out var w) ? w : _unseen;
}
