using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyLedger.Comparison;
using PolicyLedger.Comparison.Alignment;
using PolicyLedger.Comparison.Text;
using PolicyLedger.Tests.Support;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Comparison;

/// <summary>Experiment (not kept): a logistic-regression pair scorer trained on the development set.</summary>
[Collection(ComparisonCollection.Name)]
public class LearnedScorerExperiment(ITestOutputHelper output)
{
    private sealed record Case(string Name, bool Dev, PreparedPair Pair, IReadOnlyList<Link> Links, HashSet<(int, int)> Sure, HashSet<(int, int)> Possible, List<Cand> Cands);

    private sealed record Cand(int I, int J, bool Rule, double[] X, int Label);

    private static readonly string[] Names =
    [
        "cos", "z", "logNullA", "logNullB", "invRankRow", "invRankCol", "marginRow", "marginCol", "shareA", "shareB",
        "posDist", "neighbours", "sectionCorr", "figures", "headings", "pairedA", "pairedB",
    ];

    private static int Num(PreparedItem x) => x.Item.Number ?? -1;

    private static Case Build(string name, bool dev, ComparedDocument a, ComparedDocument b, HashSet<(int, int)> sure, HashSet<(int, int)> possible)
    {
        var pair = PreparedPair.Create(a.Items, b.Items);
        var links = ItemAligner.Align(pair, new ComparisonOptions());
        var n = pair.A.Length;
        var m = pair.B.Length;
        var s = pair.Similarity;
        var (median, scale) = Unrelated(s);
        var sentences = SentenceAlignment.Of(pair, 0.3);
        var ruleSet = links.Select(l => (l.A, l.B)).ToHashSet();
        var anchors = links.Where(l => l.Kind == LinkKind.Anchor).ToList();
        var corr = Corresponding(pair, anchors);
        var set = new HashSet<(int, int)>(ruleSet);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                if (s[i, j] > pair.ChanceLevel && (RankRow(s, i, j) <= 3 || RankCol(s, i, j) <= 3))
                {
                    set.Add((i, j));
                }
            }
        }

        var cands = new List<Cand>();
        foreach (var (i, j) in set.OrderBy(x => x.Item1).ThenBy(x => x.Item2))
        {
            var v = s[i, j];
            var second = SecondRow(s, i, j);
            var secondC = SecondCol(s, i, j);
            var neighbours = links.Any(l => (l.A, l.B) != (i, j) && l.A != i && Math.Abs(l.A - i) <= 2 && Math.Abs(l.B - j) <= 2 && Math.Sign(l.A - i) == Math.Sign(l.B - j)) ? 1.0 : 0.0;
            var figures = pair.A[i].Figures.Any(f => pair.B[j].Figures.Any(g => f.IsCompatibleWith(g))) ? 1.0 : 0.0;
            var x = new[]
            {
                v,
                scale > 0 ? (v - median) / scale : 0,
                Math.Log((v + 1e-3) / (pair.NearestSiblingA[i] + 1e-3)),
                Math.Log((v + 1e-3) / (pair.NearestSiblingB[j] + 1e-3)),
                1.0 / RankRow(s, i, j),
                1.0 / RankCol(s, i, j),
                Math.Log((v + 1e-3) / (second + 1e-3)),
                Math.Log((v + 1e-3) / (secondC + 1e-3)),
                sentences.ShareOfAAtChance(i, j),
                sentences.ShareOfBAtChance(i, j),
                Math.Abs(((i + 0.5) / n) - ((j + 0.5) / m)),
                neighbours,
                corr.Contains((pair.A[i].Section, pair.B[j].Section)) ? 1 : 0,
                figures,
                HeadingSimilarity(pair.A[i].Item.Headings, pair.B[j].Item.Headings),
                links.Any(l => l.A == i && l.B != j) ? 1 : 0,
                links.Any(l => l.B == j && l.A != i) ? 1 : 0,
            };
            var key = (Num(pair.A[i]), Num(pair.B[j]));
            var label = sure.Contains(key) ? 1 : possible.Contains(key) ? -1 : 0;
            cands.Add(new Cand(i, j, ruleSet.Contains((i, j)), x, label));
        }

        return new Case(name, dev, pair, links, sure, possible, cands);
    }

    private static double HeadingSimilarity(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var x = Bigrams.Of(a[^1]).ToHashSet();
        var y = Bigrams.Of(b[^1]).ToHashSet();
        return x.Count + y.Count == 0 ? 0 : 2.0 * x.Intersect(y).Count() / (x.Count + y.Count);
    }

    private static HashSet<(string, string)> Corresponding(PreparedPair pair, List<Link> anchors)
    {
        var counts = anchors.GroupBy(l => (A: pair.A[l.A].Section, B: pair.B[l.B].Section)).ToDictionary(g => g.Key, g => g.Count());
        var result = new HashSet<(string, string)>();
        foreach (var side in new[] { true, false })
        {
            foreach (var group in counts.GroupBy(c => side ? c.Key.A : c.Key.B))
            {
                var most = group.Max(c => c.Value);
                foreach (var c in group.Where(c => c.Value == most))
                {
                    result.Add((c.Key.A, c.Key.B));
                }
            }
        }

        return result;
    }

    private static int RankRow(double[,] s, int i, int j)
    {
        var r = 1;
        for (var k = 0; k < s.GetLength(1); k++)
        {
            if (s[i, k] > s[i, j])
            {
                r++;
            }
        }

        return r;
    }

    private static int RankCol(double[,] s, int i, int j)
    {
        var r = 1;
        for (var k = 0; k < s.GetLength(0); k++)
        {
            if (s[k, j] > s[i, j])
            {
                r++;
            }
        }

        return r;
    }

    private static double SecondRow(double[,] s, int i, int j)
    {
        var best = 0.0;
        for (var k = 0; k < s.GetLength(1); k++)
        {
            if (k != j)
            {
                best = Math.Max(best, s[i, k]);
            }
        }

        return best;
    }

    private static double SecondCol(double[,] s, int i, int j)
    {
        var best = 0.0;
        for (var k = 0; k < s.GetLength(0); k++)
        {
            if (k != i)
            {
                best = Math.Max(best, s[k, j]);
            }
        }

        return best;
    }

    private static (double Median, double Scale) Unrelated(double[,] s)
    {
        var n = s.GetLength(0);
        var m = s.GetLength(1);
        var best = new HashSet<(int, int)>();
        for (var i = 0; i < n; i++)
        {
            best.Add((i, Enumerable.Range(0, m).MaxBy(j => s[i, j])));
        }

        for (var j = 0; j < m; j++)
        {
            best.Add((Enumerable.Range(0, n).MaxBy(i => s[i, j]), j));
        }

        var values = new List<double>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                if (!best.Contains((i, j)))
                {
                    values.Add(s[i, j]);
                }
            }
        }

        if (values.Count == 0)
        {
            return (0, 0);
        }

        var sorted = values.Order().ToArray();
        var median = sorted[sorted.Length / 2];
        var dev = sorted.Select(v => Math.Abs(v - median)).Order().ToArray();
        var mad = dev[dev.Length / 2];
        return (median, mad > 0 ? mad / 0.6745 : dev.Average() * 1.2533);
    }

    /// <summary>L2-regularized logistic regression by Newton's method on standardized features; deterministic.</summary>
    private sealed record Model(double[] Mean, double[] Sd, double[] W, double B)
    {
        public double P(double[] x)
        {
            var z = B;
            for (var k = 0; k < W.Length; k++)
            {
                z += W[k] * ((x[k] - Mean[k]) / Sd[k]);
            }

            return 1 / (1 + Math.Exp(-z));
        }

        public static Model Train(IReadOnlyList<(double[] X, int Y)> data, int[] use, double lambda)
        {
            var d = use.Length;
            var mean = new double[d];
            var sd = new double[d];
            for (var k = 0; k < d; k++)
            {
                mean[k] = data.Average(r => r.X[use[k]]);
                var variance = data.Average(r => Math.Pow(r.X[use[k]] - mean[k], 2));
                sd[k] = variance > 0 ? Math.Sqrt(variance) : 1;
            }

            var rows = data.Select(r => (X: use.Select((u, k) => (r.X[u] - mean[k]) / sd[k]).Append(1.0).ToArray(), r.Y)).ToList();
            var w = new double[d + 1];
            for (var iteration = 0; iteration < 30; iteration++)
            {
                var g = new double[d + 1];
                var h = new double[d + 1, d + 1];
                foreach (var (x, y) in rows)
                {
                    var p = 1 / (1 + Math.Exp(-x.Select((v, k) => v * w[k]).Sum()));
                    for (var a = 0; a <= d; a++)
                    {
                        g[a] += (p - y) * x[a];
                        for (var b = 0; b <= d; b++)
                        {
                            h[a, b] += p * (1 - p) * x[a] * x[b];
                        }
                    }
                }

                for (var a = 0; a < d; a++)
                {
                    g[a] += lambda * w[a];
                    h[a, a] += lambda;
                }

                h[d, d] += 1e-6;
                var step = Solve(h, g);
                for (var a = 0; a <= d; a++)
                {
                    w[a] -= step[a];
                }
            }

            var full = new double[d];
            Array.Copy(w, full, d);
            return new Model(mean, sd, full, w[d]);
        }

        private static double[] Solve(double[,] h, double[] g)
        {
            var n = g.Length;
            var a = new double[n, n + 1];
            for (var r = 0; r < n; r++)
            {
                for (var c = 0; c < n; c++)
                {
                    a[r, c] = h[r, c];
                }

                a[r, n] = g[r];
            }

            for (var c = 0; c < n; c++)
            {
                var pivot = Enumerable.Range(c, n - c).MaxBy(r => Math.Abs(a[r, c]));
                for (var k = 0; k <= n; k++)
                {
                    (a[c, k], a[pivot, k]) = (a[pivot, k], a[c, k]);
                }

                for (var r = 0; r < n; r++)
                {
                    if (r != c)
                    {
                        var f = a[r, c] / a[c, c];
                        for (var k = c; k <= n; k++)
                        {
                            a[r, k] -= f * a[c, k];
                        }
                    }
                }
            }

            return Enumerable.Range(0, n).Select(r => a[r, n] / a[r, r]).ToArray();
        }
    }

    private static (int Found, int Correct, int Sure, int SureFound) Score(Case c, Func<Cand, bool> keep) => Score(c, (x, _) => keep(x));

    private static (int Found, int Correct, int Sure, int SureFound) Score(Case c, Func<Cand, int, bool> keep)
    {
        var found = c.Cands.Where((x, k) => keep(x, k)).Select(x => (Num(c.Pair.A[x.I]), Num(c.Pair.B[x.J]))).ToHashSet();
        return (found.Count, found.Count(l => c.Sure.Contains(l) || c.Possible.Contains(l)), c.Sure.Count, found.Count(c.Sure.Contains));
    }

    private static string F((int Found, int Correct, int Sure, int SureFound) t)
    {
        var p = t.Found == 0 ? 1 : (double)t.Correct / t.Found;
        var r = (double)t.SureFound / t.Sure;
        return string.Create(CultureInfo.InvariantCulture, $"found {t.Found} correct {t.Correct} sure {t.Sure} sureFound {t.SureFound}: P {p:0.000} R {r:0.000} F1 {2 * p * r / (p + r):0.000}");
    }

    private static double F1((int Found, int Correct, int Sure, int SureFound) t)
    {
        var p = t.Found == 0 ? 1 : (double)t.Correct / t.Found;
        var r = (double)t.SureFound / t.Sure;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static (int, int, int, int) Sum(IEnumerable<(int Found, int Correct, int Sure, int SureFound)> xs) =>
        xs.Aggregate((0, 0, 0, 0), (t, x) => (t.Item1 + x.Found, t.Item2 + x.Correct, t.Item3 + x.Sure, t.Item4 + x.SureFound));

    private static List<Case> Cases()
    {
        var cases = new List<Case>();
        foreach (var (a, b, file) in DevelopmentSetTests.SeedPairs)
        {
            var e = ExpectedAlignment.FromJson(file, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", "comparison", "seeds", file), Encoding.UTF8));
            cases.Add(Build(file, true, GoldAlignmentTests.Seed(a), GoldAlignmentTests.Seed(b), [.. e.Sure], [.. e.Possible]));
        }

        foreach (var example in ComparisonSpecs.All())
        {
            var e = ExpectedAlignment.FromSpec(example);
            cases.Add(Build(example.ToString(), true, example.ReadA(), example.ReadB(), [.. e.Sure], []));
        }

        foreach (var example in ComparisonSpecs.HeldOut())
        {
            var e = ExpectedAlignment.FromSpec(example);
            cases.Add(Build("heldout " + example, false, example.ReadA(), example.ReadB(), [.. e.Sure], []));
        }

        var gold = JsonDocument.Parse(File.ReadAllText(SharedData.Path("gold", "alignment_000_001.json"))).RootElement;
        var goldLinks = gold.GetProperty("pairs").EnumerateArray()
            .SelectMany(p => p.GetProperty("b").EnumerateArray().Select(b => (p.GetProperty("a").GetInt32(), b.GetInt32()))).ToHashSet();
        cases.Add(Build("gold", false, GoldAlignmentTests.Seed(GoldAlignmentTests.A), GoldAlignmentTests.Seed(GoldAlignmentTests.B), goldLinks, []));
        return cases;
    }

    [SkippableFact]
    public void Run()
    {
        SharedData.Require();
        var cases = Cases();
        var dev = cases.Where(c => c.Dev).ToList();
        var heldout = cases.Where(c => !c.Dev && c.Name != "gold").ToList();
        var gold = cases.Single(c => c.Name == "gold");
        output.WriteLine($"rules: dev {F(Sum(dev.Select(c => Score(c, x => x.Rule))))}");
        output.WriteLine($"rules: seeds {F(Sum(dev.Take(2).Select(c => Score(c, x => x.Rule))))}; invented {F(Sum(dev.Skip(2).Select(c => Score(c, x => x.Rule))))}");
        output.WriteLine($"rules: heldout {F(Sum(heldout.Select(c => Score(c, x => x.Rule))))}; gold {F(Score(gold, x => x.Rule))}");
        output.WriteLine($"candidates: dev {dev.Sum(c => c.Cands.Count)} (pos {dev.Sum(c => c.Cands.Count(x => x.Label == 1))}, non-rule pos {dev.Sum(c => c.Cands.Count(x => x.Label == 1 && !x.Rule))}, non-rule {dev.Sum(c => c.Cands.Count(x => !x.Rule))}); gold {gold.Cands.Count} (non-rule pos {gold.Cands.Count(x => x.Label == 1 && !x.Rule)} of {gold.Cands.Count(x => !x.Rule)}); heldout non-rule pos {heldout.Sum(c => c.Cands.Count(x => x.Label == 1 && !x.Rule))} of {heldout.Sum(c => c.Cands.Count(x => !x.Rule))}");

        var featureSets = new Dictionary<string, int[]>
        {
            ["all"] = Enumerable.Range(0, Names.Length).ToArray(),
            ["few"] = [1, 2, 3, 6, 7, 8, 9, 11],
            ["fewer"] = [1, 2, 3, 8, 9, 11],
        };
        var accepts = new[] { 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 2.0 };
        var vetoes = new[] { -1.0, 0.02, 0.05, 0.1, 0.2, 0.3 };
        foreach (var (setName, use) in featureSets)
        {
            foreach (var lambda in new[] { 0.1, 1.0, 10.0 })
            {
                // Leave one development example out: each fold's probabilities from a model trained on the others.
                var probabilities = new Dictionary<Case, double[]>();
                foreach (var held in dev)
                {
                    var train = dev.Where(c => c != held).SelectMany(c => c.Cands).Where(x => x.Label >= 0).Select(x => (x.X, x.Label)).ToList();
                    var model = Model.Train(train, use, lambda);
                    probabilities[held] = held.Cands.Select(x => model.P(use.Select(u => x.X[u]).ToArray())).ToArray();
                }

                var bestCv = (F1: -1.0, Accept: 0.0, Veto: 0.0, Score: (0, 0, 0, 0));
                foreach (var accept in accepts)
                {
                    foreach (var veto in vetoes)
                    {
                        var total = Sum(dev.Select(c => Score(c, (x, k) => Decide(x, probabilities[c][k], accept, veto))));
                        if (F1(total) > bestCv.F1 + 1e-9)
                        {
                            bestCv = (F1(total), accept, veto, total);
                        }
                    }
                }

                var ruleProbs = dev.SelectMany(c => c.Cands.Select((x, k) => (x, p: probabilities[c][k], c))).Where(t => t.x.Rule && t.x.Label >= 0).ToList();
                foreach (var t in new[] { 0.02, 0.05, 0.1, 0.15, 0.2, 0.3 })
                {
                    output.WriteLine($"    CV veto below {t}: right rule links {ruleProbs.Count(r => r.p < t && r.x.Label == 1)}, wrong {ruleProbs.Count(r => r.p < t && r.x.Label == 0)} (of wrong {ruleProbs.Count(r => r.x.Label == 0)})");
                }

                var devAdded = dev.SelectMany(c => c.Cands.Select((x, k) => (x, p: probabilities[c][k], c))).Where(t => !t.x.Rule && t.p > 0.5)
                    .Select(t => $"{t.c.Name[..Math.Min(18, t.c.Name.Length)]}:{Num(t.c.Pair.A[t.x.I])}–{Num(t.c.Pair.B[t.x.J])}{(t.x.Label == 1 ? "✓" : t.x.Label < 0 ? "?" : "✗")}({t.p:0.00})");
                output.WriteLine("    dev CV non-rule above 0.5: " + string.Join(" ", devAdded));
                var devPos = dev.SelectMany(c => c.Cands.Select((x, k) => (x, p: probabilities[c][k], c))).Where(t => !t.x.Rule && t.x.Label == 1)
                    .Select(t => $"{t.c.Name[..Math.Min(18, t.c.Name.Length)]}:{Num(t.c.Pair.A[t.x.I])}–{Num(t.c.Pair.B[t.x.J])}({t.p:0.00})");
                output.WriteLine("    dev CV non-rule positives: " + string.Join(" ", devPos));
                var accepted = dev.SelectMany(c => c.Cands.Select((x, k) => (x, p: probabilities[c][k], c))).Where(t => !t.x.Rule && t.p > bestCv.Accept)
                    .Select(t => $"{t.c.Name[..Math.Min(18, t.c.Name.Length)]}:{Num(t.c.Pair.A[t.x.I])}–{Num(t.c.Pair.B[t.x.J])}{(t.x.Label == 1 ? "✓" : t.x.Label < 0 ? "?" : "✗")}({t.p:0.00})");
                output.WriteLine("    dev CV accepted at the cut: " + string.Join(" ", accepted));
                var pure = Enumerable.Range(1, 9).Select(k => k / 10.0)
                    .Select(cut => (cut, F1(Sum(dev.Select(c => Score(c, (x, k) => probabilities[c][k] > cut)))))).MaxBy(t => t.Item2);
                var full = Model.Train(dev.SelectMany(c => c.Cands).Where(x => x.Label >= 0).Select(x => (x.X, x.Label)).ToList(), use, lambda);
                double P(Cand x) => full.P(use.Select(u => x.X[u]).ToArray());
                var seedCv = Sum(dev.Take(2).Select(c => Score(c, (x, k) => Decide(x, probabilities[c][k], bestCv.Accept, bestCv.Veto))));
                var inventedCv = Sum(dev.Skip(2).Select(c => Score(c, (x, k) => Decide(x, probabilities[c][k], bestCv.Accept, bestCv.Veto))));
                output.WriteLine($"[{setName} λ={lambda}] CV best accept>{bestCv.Accept} veto<{bestCv.Veto}: dev {F(bestCv.Score)}; seeds {F(seedCv)}; invented {F(inventedCv)}; pure-model CV F1 {pure.Item2:0.000} at {pure.cut}");
                output.WriteLine($"    final: gold {F(Score(gold, x => Decide(x, P(x), bestCv.Accept, bestCv.Veto)))}; heldout {F(Sum(heldout.Select(c => Score(c, x => Decide(x, P(x), bestCv.Accept, bestCv.Veto)))))}; gold pure {F(Score(gold, x => P(x) > pure.cut))}");
                output.WriteLine("    weights: " + string.Join(", ", use.Select((u, k) => $"{Names[u]} {full.W[k]:0.00}")) + $", bias {full.B:0.00}");
                var goldChanges = gold.Cands.Where(x => Decide(x, P(x), bestCv.Accept, bestCv.Veto) != x.Rule)
                    .Select(x => $"{(x.Rule ? "-" : "+")}{Num(gold.Pair.A[x.I])}–{Num(gold.Pair.B[x.J])}{(x.Label == 1 ? "✓" : "✗")}({P(x):0.00})");
                output.WriteLine("    gold changes: " + string.Join(" ", goldChanges));
                var goldMissed = gold.Cands.Where(x => x.Label == 1 && !x.Rule).Select(x => $"{Num(gold.Pair.A[x.I])}–{Num(gold.Pair.B[x.J])}({P(x):0.00})");
                output.WriteLine("    gold missed candidates: " + string.Join(" ", goldMissed));
                var goldWrong = gold.Cands.Where(x => x.Label == 0 && x.Rule).Select(x => $"{Num(gold.Pair.A[x.I])}–{Num(gold.Pair.B[x.J])}({P(x):0.00})");
                output.WriteLine("    gold wrong rule links: " + string.Join(" ", goldWrong));
                var topNonRule = gold.Cands.Where(x => !x.Rule).OrderByDescending(P).Take(12).Select(x => $"{Num(gold.Pair.A[x.I])}–{Num(gold.Pair.B[x.J])}{(x.Label == 1 ? "✓" : "✗")}({P(x):0.00})");
                output.WriteLine("    gold top non-rule: " + string.Join(" ", topNonRule));
            }
        }
    }

    private static bool Decide(Cand x, double p, double accept, double veto) => x.Rule ? p >= veto : p > accept;
}
