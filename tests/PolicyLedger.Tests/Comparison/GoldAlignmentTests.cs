using System.Text.Json;
using PolicyLedger.Comparison;
using PolicyLedger.Comparison.Rendering;
using PolicyLedger.Reading;
using PolicyLedger.Tests.Support;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Comparison;

/// <summary>
/// Compares seed 000 (济源) with seed 001 (焦作) and measures the result against the hand-checked alignment
/// ../shared/gold/alignment_000_001.json: pair (link) precision, recall and F1, the figure differences the gold
/// lists, and the relations. The issue's goal is pair F1 ≥ 0.95; the floors asserted here are today's level, so that
/// a change that makes the comparison worse fails. Also sanity checks on 000 and 001 against 004 (红旗区).
/// </summary>
[Collection(ComparisonCollection.Name)]
public class GoldAlignmentTests(ITestOutputHelper output)
{
    public const string A = "000_9d4e57dbb9f33d71";
    public const string B = "001_a1185b48fffa7541";
    public const string C = "004_e671b60dfd04a703";

    private static readonly Lazy<PairwiseComparison> Comparison = new(() => ComparisonService.Default.Compare(Seed(A), Seed(B)));

    public static ComparedDocument Seed(string name)
    {
        var result = PolicyReader.Default.ReadFile(SharedData.Path("seeds", name + ".txt"));
        return ComparedDocument.From(result.Documents.OrderByDescending(d => d.Items.Count).First(), name);
    }

    private static JsonElement Gold() => JsonDocument.Parse(File.ReadAllText(SharedData.Path("gold", "alignment_000_001.json"))).RootElement;

    private static HashSet<(int A, int B)> GoldLinks(JsonElement gold) => gold.GetProperty("pairs").EnumerateArray()
        .SelectMany(p => p.GetProperty("b").EnumerateArray().Select(b => (p.GetProperty("a").GetInt32(), b.GetInt32()))).ToHashSet();

    [SkippableFact]
    public void Pairs_agree_with_the_gold_alignment()
    {
        SharedData.Require();
        var gold = GoldLinks(Gold());
        var found = Comparison.Value.Pairs.SelectMany(p => p.B.Select(b => (A: p.A.Number!.Value, B: b.Number!.Value))).ToHashSet();
        var correct = found.Intersect(gold).Count();
        var precision = (double)correct / found.Count;
        var recall = (double)correct / gold.Count;
        var f1 = 2 * precision * recall / (precision + recall);
        output.WriteLine($"pairs (links a–b): found {found.Count}, gold {gold.Count}, correct {correct}: precision {precision:0.000}, recall {recall:0.000}, F1 {f1:0.000}");
        output.WriteLine("found, not in the gold: " + string.Join(" ", found.Except(gold).Order().Select(l => $"{l.A}–{l.B}")));
        output.WriteLine("in the gold, not found: " + string.Join(" ", gold.Except(found).Order().Select(l => $"{l.A}–{l.B}")));
        Assert.True(precision >= 0.95 && recall >= 0.89 && f1 >= 0.925, $"precision {precision:0.000}, recall {recall:0.000}, F1 {f1:0.000}");
    }

    [SkippableFact]
    public void The_naive_baseline_of_the_issue_scores_lower_on_the_gold()
    {
        SharedData.Require();
        var gold = GoldLinks(Gold());
        var a = Seed(A);
        var b = Seed(B);
        var naive = PolicyLedger.Bench.NaiveAligner.Align(a.Items, b.Items).Select(l => (a.Items[l.A].Number!.Value, b.Items[l.B].Number!.Value)).ToHashSet();
        var found = Comparison.Value.Pairs.SelectMany(p => p.B.Select(x => (p.A.Number!.Value, x.Number!.Value))).ToHashSet();
        double F1(HashSet<(int, int)> links)
        {
            var correct = links.Intersect(gold).Count();
            return 2.0 * correct / (links.Count + gold.Count);
        }

        var naiveCorrect = naive.Intersect(gold).Count();
        output.WriteLine($"naive greedy 1:1 (bigram TF-IDF > 0.15): {naive.Count} links, precision {(double)naiveCorrect / naive.Count:0.000}, recall {(double)naiveCorrect / gold.Count:0.000}, F1 {F1(naive):0.000}; the aligner: F1 {F1(found):0.000}");
        Assert.True(F1(found) > F1(naive) + 0.05, $"aligner F1 {F1(found):0.000}, naive {F1(naive):0.000}");
    }

    [SkippableFact]
    public void Items_on_one_side_only_agree_with_the_gold()
    {
        SharedData.Require();
        var gold = Gold();
        var onlyA = gold.GetProperty("only_in_a").EnumerateArray().Select(x => x.GetInt32()).ToHashSet();
        var onlyB = gold.GetProperty("only_in_b").EnumerateArray().Select(x => x.GetInt32()).ToHashSet();
        var foundA = Comparison.Value.OnlyInA.Select(x => x.Number!.Value).ToHashSet();
        var foundB = Comparison.Value.OnlyInB.Select(x => x.Number!.Value).ToHashSet();
        output.WriteLine($"only in A: found {foundA.Count}, gold {onlyA.Count}, both {foundA.Intersect(onlyA).Count()}; only in B: found {foundB.Count}, gold {onlyB.Count}, both {foundB.Intersect(onlyB).Count()}");
        Assert.True(foundA.Intersect(onlyA).Count() >= 0.85 * onlyA.Count, "items the gold finds in A only are paired");
        Assert.True(foundB.Intersect(onlyB).Count() >= 0.7 * onlyB.Count, "items the gold finds in B only are paired");
    }

    [SkippableFact]
    public void Figure_differences_the_gold_lists_are_found()
    {
        SharedData.Require();
        var pairs = Comparison.Value.Pairs.ToDictionary(p => p.A.Number!.Value);
        int listed = 0, found = 0;
        foreach (var p in Gold().GetProperty("pairs").EnumerateArray().Where(p => p.GetProperty("relation").GetString() == "changed_figure"))
        {
            var a = p.GetProperty("a").GetInt32();
            foreach (var d in p.GetProperty("differences").EnumerateArray())
            {
                listed++;
                var (goldA, goldB) = (d.GetProperty("a").GetString()!, d.GetProperty("b").GetString()!);
                var mine = pairs.TryGetValue(a, out var pair)
                    ? pair.Differences.FirstOrDefault(x => Names(goldA, x.A) && Names(goldB, x.B))
                    : null;
                if (mine is not null)
                {
                    found++;
                }

                output.WriteLine($"{(mine is null ? "MISSED" : "found ")} A#{a} {d.GetProperty("what").GetString()}: {goldA} | {goldB}{(mine is null ? string.Empty : "  ← " + Labels.Difference(mine))}");
            }
        }

        var pairsWithDifferences = Comparison.Value.Pairs.Count(p => p.Differences.Count > 0);
        output.WriteLine($"figure differences found: {found} of {listed} listed; pairs with differences: {pairsWithDifferences}");
        Assert.True(found >= 13, $"{found} of {listed} listed figure differences found");
    }

    /// <summary>Whether the gold's value names the figure: as written, or (a date, which the gold writes as an ISO date) by its day.</summary>
    private static bool Names(string gold, PolicyLedger.Comparison.Figures.Figure figure) =>
        gold.Contains(figure.Text, StringComparison.Ordinal)
        || (figure.Kind == PolicyLedger.Comparison.Figures.FigureKind.Time && gold.Contains(figure.Value, StringComparison.Ordinal));

    [SkippableFact]
    public void Relations_agree_with_the_gold_for_most_pairs_aligned_alike()
    {
        SharedData.Require();
        var pairs = Comparison.Value.Pairs.ToDictionary(p => p.A.Number!.Value);
        var confusion = new Dictionary<(string Gold, string Found), int>();
        foreach (var p in Gold().GetProperty("pairs").EnumerateArray())
        {
            var a = p.GetProperty("a").GetInt32();
            if (!pairs.TryGetValue(a, out var mine) || !mine.B.Select(x => x.Number!.Value).SequenceEqual(p.GetProperty("b").EnumerateArray().Select(x => x.GetInt32())))
            {
                continue;
            }

            var key = (p.GetProperty("relation").GetString()!, Labels.Code(mine.Relation));
            confusion[key] = confusion.GetValueOrDefault(key) + 1;
        }

        var total = confusion.Values.Sum();
        var agree = confusion.Where(c => c.Key.Gold == c.Key.Found).Sum(c => c.Value);
        output.WriteLine($"relations agree for {agree} of {total} pairs aligned as in the gold");
        foreach (var c in confusion.OrderBy(c => c.Key.Gold).ThenBy(c => c.Key.Found))
        {
            output.WriteLine($"  gold {c.Key.Gold,-15} found {c.Key.Found,-15} {c.Value}");
        }

        Assert.True(agree >= 0.75 * total, $"relations agree for {agree} of {total}");
    }

    [SkippableFact]
    public void The_procurement_share_differs_where_the_issue_says_it_does()
    {
        // The issue: 焦作 reserves 60 % of small-firm procurement where 济源 and 红旗区 reserve 40 %.
        SharedData.Require();
        var withJiaozuo = ComparisonService.Default.Compare(Seed(B), Seed(C));
        var withJiyuan = ComparisonService.Default.Compare(Seed(A), Seed(C));
        const string Share = "预留面向中小企业采购的份额";
        var changed = Assert.Single(withJiaozuo.Pairs, p => ComparedDocument.TextOf(p.A).Contains(Share, StringComparison.Ordinal));
        Assert.Contains(changed.Differences, d => d.A.Text.StartsWith("60%", StringComparison.Ordinal) && d.B.Text.StartsWith("40%", StringComparison.Ordinal));
        var same = Assert.Single(withJiyuan.Pairs, p => ComparedDocument.TextOf(p.A).Contains(Share, StringComparison.Ordinal));
        Assert.DoesNotContain(same.Differences, d => d.A.Text.StartsWith("40%", StringComparison.Ordinal));
        foreach (var c in new[] { withJiyuan, withJiaozuo })
        {
            output.WriteLine($"{c.A.Name} vs {c.B.Name}: {Summary.Of(c)}");
            foreach (var p in c.Pairs.Where(p => p.Differences.Count > 0))
            {
                output.WriteLine($"  A#{p.A.Number} – B#{string.Join(",", p.B.Select(x => x.Number))}: {string.Join("; ", p.Differences.Select(Labels.Difference))}");
            }
        }
    }

    [SkippableFact]
    public void The_three_versions_compared_at_once_keep_every_pairwise_finding()
    {
        SharedData.Require();
        var documents = new[] { Seed(A), Seed(B), Seed(C) };
        var multi = ComparisonService.Default.Compare(documents);
        output.WriteLine(Summary.Of(multi));
        Assert.Equal(documents[0].Items.Count, multi.Rows.Count(r => r.Origin == 0));
        Assert.All(multi.Rows, r => Assert.True(r.Cells[r.Origin].Has));
        for (var k = 1; k < documents.Length; k++)
        {
            var pairwise = ComparisonService.Default.Compare(documents[0], documents[k]);
            var rows = multi.Rows.Where(r => r.Origin == 0).ToList();
            Assert.Equal(pairwise.Pairs.Count, rows.Count(r => r.Cells[k].Has));
            foreach (var p in pairwise.Pairs)
            {
                var row = rows[documents[0].Items.ToList().IndexOf(p.A)];
                Assert.Equal(p.B.Select(x => x.Id), row.Cells[k].Items.Select(x => x.Id));
                Assert.Equal(p.Relation, row.Cells[k].Relation);
            }

            // Every item of a later document appears somewhere: with the reference, or in a row of its own or of an earlier document.
            Assert.All(documents[k].Items, item => Assert.Contains(multi.Rows, r => r.Cells[k].Items.Contains(item)));
        }
    }
}
