using System.Text.RegularExpressions;
using PolicyLedger.Comparison;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Comparison;

/// <summary>
/// The held-out set (<c>Specs/comparison-heldout</c>): invented measure sets on other subjects and places, with hand
/// alignments written before the comparison ran on them. The method is not developed against it: only its totals are
/// printed (no disagreement is listed), and it is measured before a change of method and after. The floors are the
/// level measured at the end of the last change, so that a later change for the worse fails.
/// </summary>
[Collection(ComparisonCollection.Name)]
public partial class HeldOutSetTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_example_is_read_with_every_numbered_item_and_names_only_items_that_exist()
    {
        var examples = ComparisonSpecs.HeldOut();
        Assert.True(examples.Count >= 6, $"{examples.Count} held-out examples");
        foreach (var e in examples)
        {
            var a = e.ReadA();
            var b = e.ReadB();
            Assert.True(NumberedLine().Matches(e.A).Count == a.Items.Count, $"{e}: A has {NumberedLine().Matches(e.A).Count} numbered lines, the reader found {a.Items.Count} items");
            Assert.True(NumberedLine().Matches(e.B).Count == b.Items.Count, $"{e}: B has {NumberedLine().Matches(e.B).Count} numbered lines, the reader found {b.Items.Count} items");
            var numbersA = a.Items.Select(i => i.Number!.Value).ToHashSet();
            var numbersB = b.Items.Select(i => i.Number!.Value).ToHashSet();
            var namedA = e.Expected.Pairs.Select(p => p.A).Concat(e.Expected.OnlyInA).ToList();
            var namedB = e.Expected.Pairs.SelectMany(p => p.B).Concat(e.Expected.OnlyInB).ToHashSet();
            Assert.True(namedA.Count == numbersA.Count && namedA.ToHashSet().SetEquals(numbersA), $"{e}: the expectation names A's items {string.Join(",", namedA.Order())}, A has {numbersA.Count}");
            Assert.True(namedB.SetEquals(numbersB), $"{e}: the expectation names B's items {string.Join(",", namedB.Order())}, B has {numbersB.Count}");
            Assert.Empty(e.Expected.Pairs.SelectMany(p => p.B).Intersect(e.Expected.OnlyInB));
        }
    }

    [Fact]
    public void The_held_out_pairs_score_at_least_the_level_measured()
    {
        var total = AlignmentScore.Zero;
        foreach (var example in ComparisonSpecs.HeldOut())
        {
            var actual = ComparisonService.Default.Compare(example.ReadA(), example.ReadB());
            total = total.Add(AlignmentScore.Of(ExpectedAlignment.FromSpec(example), actual));
        }

        output.WriteLine("held-out pairs: " + total);

        // Measured before the second pass (12 sure links missed, of them the six bundles of distant measures): F1 0.900,
        // differences 36 of 52 (1 extra), relations 40 of 47. After it: F1 0.944, differences 40 of 52 (3 extra),
        // relations 43 of 52.
        Assert.True(total.Sure >= 60, total.ToString());
        Assert.True(total.Precision >= 0.95 && total.F1 >= 0.94, total.ToString());
        // Session 7: a condition clause (…的，) read as part of a figure's wording: differences 40 → 41 of 52.
        Assert.True(total.DifferencesFound >= 43 && total.ExtraDifferences <= 3, total.ToString());
        Assert.True(total.RelationsAgree >= 0.8 * total.Relations, total.ToString());
    }

    [GeneratedRegex(@"^\d+[.．、]", RegexOptions.Multiline)]
    private static partial Regex NumberedLine();
}
