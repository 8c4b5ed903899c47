using System.Text;
using PolicyLedger.Comparison;
using PolicyLedger.Comparison.Rendering;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Comparison;

/// <summary>
/// Runs every example of <c>Specs/comparison</c> (invented local versions of one measure set, with hand-written
/// expected alignments). The pairs, the items on one side only and the figure differences must be exactly as
/// written, but for the deviations the example lists as known; the relations are measured over all examples.
/// </summary>
[Collection(ComparisonCollection.Name)]
public class ComparisonSpecTests(ITestOutputHelper output)
{
    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var e in ComparisonSpecs.All())
        {
            data.Add(e.File, e.Number);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_is_aligned_as_written(string file, int number)
    {
        var example = ComparisonSpecs.Load(file)[number - 1];
        var a = example.ReadA();
        var b = example.ReadB();
        Assert.True(a.Items.Count > 0 && b.Items.Count > 0, $"{example}: the reader found no items");
        var actual = ComparisonService.Default.Compare(a, b);
        var problems = Check(example.Expected, actual).Where(p => p.Kind != ProblemKind.Relation).Select(p => p.Text).ToList();
        output.WriteLine(Describe(actual));
        var unexpected = problems.Except(example.Expected.Known).ToList();
        var gone = example.Expected.Known.Except(problems).ToList();
        Assert.True(unexpected.Count == 0 && gone.Count == 0,
            $"{example}:\n" + string.Join("\n", unexpected.Select(p => "  " + p)) + (gone.Count > 0 ? "\n  known deviations no longer seen (update the spec): " + string.Join("; ", gone) : string.Empty));
    }

    [Fact]
    public void A_shared_department_adds_to_words_shared_and_never_pairs_measures_by_itself()
    {
        var textsOnly = new ComparisonService(new ComparisonOptions { DepartmentWeight = 0 });

        // A document on another subject in the same style: its departments (农业农村局 …) are not the city's, and none
        // of the pairs its phrasing alone made is left.
        var otherSubject = ComparisonSpecs.Load("versions.md").Single(e => e.Expected.Pairs.Count == 0);
        var byTexts = textsOnly.Compare(otherSubject.ReadA(), otherSubject.ReadB());
        var withDepartments = ComparisonService.Default.Compare(otherSubject.ReadA(), otherSubject.ReadB());
        output.WriteLine($"{otherSubject}: texts only {byTexts.Pairs.Count} pairs, with departments {withDepartments.Pairs.Count}");
        Assert.NotEmpty(byTexts.Pairs);
        Assert.Empty(withDepartments.Pairs);

        // One department's dropped measure and added measure, standing in the same place, stay apart.
        var dropped = ComparisonSpecs.Load("departments.md")[1];
        var actual = ComparisonService.Default.Compare(dropped.ReadA(), dropped.ReadB());
        foreach (var number in dropped.Expected.OnlyInB)
        {
            Assert.Contains(actual.OnlyInB, item => item.Number == number);
        }

        Assert.DoesNotContain(actual.Pairs, p => p.A.Number == 2 && p.B.Any(b => b.Number == 2));
        Assert.DoesNotContain(actual.Pairs, p => p.A.Number == 4 && p.B.Any(b => b.Number == 4));
    }

    [Fact]
    public void Relations_agree_with_the_specs_for_at_least_four_pairs_in_five()
    {
        int agree = 0, total = 0;
        foreach (var example in ComparisonSpecs.All())
        {
            var actual = ComparisonService.Default.Compare(example.ReadA(), example.ReadB());
            var pairs = actual.Pairs.ToDictionary(p => p.A.Number!.Value);
            foreach (var e in example.Expected.Pairs.Where(e => pairs.ContainsKey(e.A) && pairs[e.A].B.Select(x => x.Number!.Value).SequenceEqual(e.B)))
            {
                total++;
                var found = Labels.Code(pairs[e.A].Relation);
                if (found == e.Relation)
                {
                    agree++;
                }
                else
                {
                    output.WriteLine($"{example} A#{e.A}: expected {e.Relation}, found {found}");
                }
            }
        }

        output.WriteLine($"relations: {agree} of {total} pairs agree");
        Assert.True(total > 80, $"only {total} pairs were aligned as the specs expect");
        Assert.True(agree * 5 >= total * 4, $"relations agree for {agree} of {total} pairs");
    }

    public enum ProblemKind
    {
        Alignment,
        Relation,
        Difference,
    }

    public sealed record Problem(ProblemKind Kind, string Text);

    /// <summary>Every way the comparison differs from what the spec expects, one line each (empty when it agrees).</summary>
    public static List<Problem> Check(ExpectedComparison expected, PairwiseComparison actual)
    {
        var problems = new List<Problem>();
        var pairs = actual.Pairs.ToDictionary(p => p.A.Number!.Value);
        foreach (var e in expected.Pairs)
        {
            if (!pairs.TryGetValue(e.A, out var p))
            {
                problems.Add(new(ProblemKind.Alignment, $"A#{e.A}: expected with B#{string.Join(",", e.B)}, found unpaired"));
                continue;
            }

            var bs = p.B.Select(x => x.Number!.Value).ToList();
            if (!bs.SequenceEqual(e.B))
            {
                problems.Add(new(ProblemKind.Alignment, $"A#{e.A}: expected B#{string.Join(",", e.B)}, found B#{string.Join(",", bs)}"));
            }

            if (Labels.Code(p.Relation) != e.Relation)
            {
                problems.Add(new(ProblemKind.Relation, $"A#{e.A}: expected {e.Relation}, found {Labels.Code(p.Relation)}"));
            }

            var unmatched = p.Differences.ToList();
            foreach (var (x, y) in e.Differences)
            {
                var found = unmatched.FirstOrDefault(d => d.A.Text.Contains(x, StringComparison.Ordinal) && d.B.Text.Contains(y, StringComparison.Ordinal));
                if (found is null)
                {
                    problems.Add(new(ProblemKind.Difference, $"A#{e.A}: difference {x} → {y} not found"));
                }
                else
                {
                    unmatched.Remove(found);
                }
            }

            problems.AddRange(unmatched.Select(d => new Problem(ProblemKind.Difference, $"A#{e.A}: unexpected difference {d.A.Text} → {d.B.Text}")));
        }

        foreach (var p in actual.Pairs.Where(p => expected.Pairs.All(e => e.A != p.A.Number)))
        {
            problems.Add(new(ProblemKind.Alignment, $"A#{p.A.Number}: expected on A's side only, found with B#{string.Join(",", p.B.Select(x => x.Number))}"));
        }

        Compare("onlyInA", expected.OnlyInA, actual.OnlyInA.Select(x => x.Number!.Value), problems);
        Compare("onlyInB", expected.OnlyInB, actual.OnlyInB.Select(x => x.Number!.Value), problems);
        return problems;
    }

    public static string Describe(PairwiseComparison c)
    {
        var text = new StringBuilder();
        foreach (var p in c.Pairs)
        {
            text.AppendLine($"A#{p.A.Number} → {string.Join(",", p.Links.Select(l => $"B#{l.B.Number} ({Labels.Code(l.Kind)} {l.Similarity:0.000})"))} {Labels.Code(p.Relation)} {string.Join("; ", p.Differences.Select(Labels.Difference))}");
        }

        text.AppendLine($"onlyInA {string.Join(",", c.OnlyInA.Select(x => x.Number))}; onlyInB {string.Join(",", c.OnlyInB.Select(x => x.Number))}");
        return text.ToString();
    }

    private static void Compare(string name, IEnumerable<int> expected, IEnumerable<int> actual, List<Problem> problems)
    {
        var e = expected.Order().ToList();
        var a = actual.Order().ToList();
        if (!e.SequenceEqual(a))
        {
            problems.Add(new(ProblemKind.Alignment, $"{name}: expected [{string.Join(",", e)}], found [{string.Join(",", a)}]"));
        }
    }
}
