namespace PolicyLedger.Comparison.Text;

/// <summary>
/// A weighted bag of bigrams: keys in ascending order with their weights, and the Euclidean norm. Immutable; the
/// cosine of two vectors is one merge of their key lists.
/// </summary>
public sealed class SparseVector
{
    private readonly uint[] _keys;
    private readonly double[] _weights;

    private SparseVector(uint[] keys, double[] weights)
    {
        _keys = keys;
        _weights = weights;
        double sum = 0, squares = 0;
        foreach (var w in weights)
        {
            sum += w;
            squares += w * w;
        }

        Mass = sum;
        Norm = Math.Sqrt(squares);
    }

    public static SparseVector Empty { get; } = new([], []);

    /// <summary>How many distinct bigrams it holds.</summary>
    public int Count => _keys.Length;

    /// <summary>The sum of its weights.</summary>
    public double Mass { get; }

    public double Norm { get; }

    public ReadOnlySpan<uint> Keys => _keys;

    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>Weights each bigram by (1 + log count) × its term weight: a repeated word counts, but not linearly.</summary>
    public static SparseVector FromCounts(IReadOnlyDictionary<uint, int> counts, TermWeights weights)
    {
        var keys = counts.Keys.ToArray();
        Array.Sort(keys);
        var values = new double[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            values[i] = (1 + Math.Log(counts[keys[i]])) * weights[keys[i]];
        }

        return new SparseVector(keys, values);
    }

    /// <summary>The weight of a bigram in this vector, 0 when absent.</summary>
    public double this[uint key]
    {
        get
        {
            var i = Array.BinarySearch(_keys, key);
            return i >= 0 ? _weights[i] : 0;
        }
    }

    public bool Contains(uint key) => Array.BinarySearch(_keys, key) >= 0;

    public double Dot(SparseVector other)
    {
        var a = _keys;
        var b = other._keys;
        int i = 0, j = 0;
        double dot = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                dot += _weights[i++] * other._weights[j++];
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return dot;
    }

    /// <summary>Cosine similarity in [0, 1]; 0 when either vector is empty.</summary>
    public double Cosine(SparseVector other) => Norm == 0 || other.Norm == 0 ? 0 : Dot(other) / (Norm * other.Norm);

    /// <summary>The weight of this vector's bigrams that <paramref name="other"/> does not hold.</summary>
    public double MassNotIn(SparseVector other)
    {
        double mass = 0;
        for (var i = 0; i < _keys.Length; i++)
        {
            if (!other.Contains(_keys[i]))
            {
                mass += _weights[i];
            }
        }

        return mass;
    }

    /// <summary>The share of this vector's weight whose bigrams <paramref name="other"/> holds, in [0, 1].</summary>
    public double CoveredBy(SparseVector other) => Mass == 0 ? 0 : (Mass - MassNotIn(other)) / Mass;

    /// <summary>The sum of two vectors (the text of two items read as one).</summary>
    public SparseVector Add(SparseVector other)
    {
        var keys = new List<uint>(_keys.Length + other._keys.Length);
        var values = new List<double>(keys.Capacity);
        int i = 0, j = 0;
        while (i < _keys.Length || j < other._keys.Length)
        {
            if (j >= other._keys.Length || (i < _keys.Length && _keys[i] < other._keys[j]))
            {
                keys.Add(_keys[i]);
                values.Add(_weights[i++]);
            }
            else if (i >= _keys.Length || other._keys[j] < _keys[i])
            {
                keys.Add(other._keys[j]);
                values.Add(other._weights[j++]);
            }
            else
            {
                keys.Add(_keys[i]);
                values.Add(_weights[i++] + other._weights[j++]);
            }
        }

        return new SparseVector([.. keys], [.. values]);
    }

    public static SparseVector Sum(IEnumerable<SparseVector> vectors) => vectors.Aggregate(Empty, (sum, v) => sum.Add(v));
}
