using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Bench;

/// <summary>
/// The baseline: a one-to-one greedy match on character-bigram TF-IDF cosine (about twenty lines), the naive
/// peer the comparison's benchmarks are measured against. Pairs above 0.15, best first, each item used once.
/// </summary>
public static class NaiveAligner
{
    public static List<(int A, int B)> Align(IReadOnlyList<PolicyItem> a, IReadOnlyList<PolicyItem> b)
    {
        var bags = a.Concat(b).Select(i => Bigrams(i.Task)).ToList();
        var df = bags.SelectMany(x => x.Keys).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var vectors = bags.Select(bag => bag.ToDictionary(p => p.Key, p => p.Value * Math.Log((double)bags.Count / df[p.Key]))).ToList();
        var norms = vectors.Select(v => Math.Sqrt(v.Values.Sum(x => x * x))).ToList();
        var cells = new List<(double S, int A, int B)>();
        for (var i = 0; i < a.Count; i++)
        {
            for (var j = 0; j < b.Count; j++)
            {
                var (x, y) = (vectors[i], vectors[a.Count + j]);
                var dot = x.Sum(p => y.TryGetValue(p.Key, out var w) ? p.Value * w : 0);
                cells.Add((norms[i] * norms[a.Count + j] == 0 ? 0 : dot / (norms[i] * norms[a.Count + j]), i, j));
            }
        }

        var (usedA, usedB, links) = (new HashSet<int>(), new HashSet<int>(), new List<(int, int)>());
        foreach (var (s, i, j) in cells.Where(c => c.S > 0.15).OrderByDescending(c => c.S))
        {
            if (!usedA.Contains(i) && !usedB.Contains(j))
            {
                usedA.Add(i);
                usedB.Add(j);
                links.Add((i, j));
            }
        }

        return links;
    }

    private static Dictionary<string, int> Bigrams(string text) =>
        Enumerable.Range(0, Math.Max(0, text.Length - 1)).Select(k => text.Substring(k, 2))
            .Where(g => char.IsLetter(g[0]) && char.IsLetter(g[1]))
            .GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
}
