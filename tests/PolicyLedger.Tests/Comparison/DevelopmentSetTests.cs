using System.Text;
using PolicyLedger.Comparison;
using PolicyLedger.Tests.Support;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Comparison;

/// <summary>
/// Scores the comparison on its development set: the hand alignments of seeds 000–004 and 001–004
/// (<c>Specs/comparison/seeds</c>, sure and possible links) and the invented pairs of <c>Specs/comparison</c>. The
/// method is developed against these, and measured against <c>../shared/gold/alignment_000_001.json</c> only at the end
/// of a step (<see cref="GoldAlignmentTests"/>). The floors are the level reached, so that a change for the worse fails.
/// </summary>
[Collection(ComparisonCollection.Name)]
public class DevelopmentSetTests(ITestOutputHelper output)
{
    public static readonly (string A, string B, string File)[] SeedPairs =
    [
        (GoldAlignmentTests.A, GoldAlignmentTests.C, "alignment_000_004.json"),
        (GoldAlignmentTests.B, GoldAlignmentTests.C, "alignment_001_004.json"),
    ];

    /// <summary>The sum of the scores of the two hand-aligned seed pairs; every disagreement is written to <paramref name="log"/>.</summary>
    public static AlignmentScore SeedScore(StringBuilder log)
    {
        var total = AlignmentScore.Zero;
        foreach (var (a, b, file) in SeedPairs)
        {
            var expected = ExpectedAlignment.FromJson(file, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", "comparison", "seeds", file), Encoding.UTF8));
            var actual = ComparisonService.Default.Compare(GoldAlignmentTests.Seed(a), GoldAlignmentTests.Seed(b));
            log.AppendLine(file);
            var score = AlignmentScore.Of(expected, actual, log);
            log.AppendLine("  " + score);
            total = total.Add(score);
        }

        return total;
    }

    /// <summary>The sum of the scores of the invented examples.</summary>
    public static AlignmentScore SpecScore(StringBuilder log)
    {
        var total = AlignmentScore.Zero;
        foreach (var example in ComparisonSpecs.All())
        {
            var actual = ComparisonService.Default.Compare(example.ReadA(), example.ReadB());
            var score = AlignmentScore.Of(ExpectedAlignment.FromSpec(example), actual);
            log.AppendLine($"{example}: {score}");
            total = total.Add(score);
        }

        return total;
    }

    [SkippableFact]
    public void The_hand_aligned_seed_pairs_score_at_least_the_level_reached()
    {
        SharedData.Require();
        var log = new StringBuilder();
        var score = SeedScore(log);
        output.WriteLine(log.ToString());
        output.WriteLine("seeds 000–004 and 001–004: " + score);
        Assert.True(score.F1 >= 0.94, score.ToString());
        Assert.True(score.DifferencesFound == score.Differences && score.ExtraDifferences <= 1, score.ToString());
        Assert.True(score.RelationsAgree >= 0.78 * score.Relations, score.ToString());
    }

    [SkippableFact]
    public void Pairs_found_by_order_alone_are_pairs_a_reader_makes()
    {
        SharedData.Require();
        int byOrder = 0, correct = 0;
        foreach (var (a, b, file) in SeedPairs)
        {
            var expected = ExpectedAlignment.FromJson(file, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", "comparison", "seeds", file), Encoding.UTF8));
            var actual = ComparisonService.Default.Compare(GoldAlignmentTests.Seed(a), GoldAlignmentTests.Seed(b));
            foreach (var p in actual.Pairs)
            {
                foreach (var link in p.Links.Where(l => l.Kind == LinkKind.Order))
                {
                    byOrder++;
                    var key = (p.A.Number!.Value, link.B.Number!.Value);
                    var right = expected.Sure.Contains(key) || expected.Possible.Contains(key);
                    correct += right ? 1 : 0;
                    output.WriteLine($"{file}: A#{key.Item1} – B#{key.Item2} by order ({link.Similarity:0.000}): {(right ? "a reader's pair" : "not a reader's pair")}");
                }
            }
        }

        Assert.True(byOrder > 0, "no pair was found by order alone");
        Assert.Equal(byOrder, correct);
    }

    [Fact]
    public void The_invented_pairs_score_at_least_the_level_reached()
    {
        var log = new StringBuilder();
        var score = SpecScore(log);
        output.WriteLine(log.ToString());
        output.WriteLine("invented pairs: " + score);
        Assert.True(score.F1 >= 0.96, score.ToString());
        Assert.True(score.DifferencesFound >= 0.9 * score.Differences && score.ExtraDifferences == 0, score.ToString());
        Assert.True(score.RelationsAgree >= 0.9 * score.Relations, score.ToString());
    }
}
