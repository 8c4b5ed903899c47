using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyLedger.Comparison;
using PolicyLedger.Comparison.Figures;
using PolicyLedger.Comparison.Rendering;

namespace PolicyLedger.Tests.Comparison;

/// <summary>A figure difference a reader expects: A's and B's values as written (or ISO dates); optional ones may be listed or not.</summary>
public sealed record ExpectedDifference(string A, string B, bool Optional = false);

/// <summary>What a reader expects for one item of A: its B items, the relation (and any other a careful reader could give) and the differences.</summary>
public sealed record ExpectedLinks(int A, IReadOnlyList<int> B, string Relation, IReadOnlyList<string> AlsoAccepted, IReadOnlyList<ExpectedDifference> Differences);

/// <summary>
/// A hand alignment of two documents: sure pairs, possible links (plausible pairings a careful reader could leave unpaired,
/// which count neither way: the sure/possible scheme of Och and Ney), and the items on one side only.
/// </summary>
public sealed record ExpectedAlignment(string Name, IReadOnlyList<ExpectedLinks> Pairs, IReadOnlySet<(int A, int B)> Possible)
{
    public IReadOnlySet<(int A, int B)> Sure { get; } = Pairs.SelectMany(p => p.B.Select(b => (p.A, b))).ToHashSet();

    /// <summary>Reads a hand alignment in the shape of ../shared/gold/alignment_000_001.json (with the optional fields of Specs/comparison/seeds).</summary>
    public static ExpectedAlignment FromJson(string name, string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        var pairs = root.GetProperty("pairs").EnumerateArray().Select(p => new ExpectedLinks(
            p.GetProperty("a").GetInt32(),
            p.GetProperty("b").EnumerateArray().Select(x => x.GetInt32()).ToList(),
            p.GetProperty("relation").GetString()!,
            p.TryGetProperty("also", out var also) ? also.EnumerateArray().Select(x => x.GetString()!).ToList() : [],
            p.TryGetProperty("differences", out var d)
                ? d.EnumerateArray().Select(x => new ExpectedDifference(
                    x.GetProperty("a").GetString()!, x.GetProperty("b").GetString()!, x.TryGetProperty("optional", out var o) && o.GetBoolean())).ToList()
                : [])).ToList();
        var possible = root.TryGetProperty("possible", out var ps)
            ? ps.EnumerateArray().Select(x => (x.GetProperty("a").GetInt32(), x.GetProperty("b").GetInt32())).ToHashSet()
            : [];
        return new ExpectedAlignment(name, pairs, possible);
    }

    /// <summary>A spec example's expectation (every link sure).</summary>
    public static ExpectedAlignment FromSpec(ComparisonExample example) => new(
        example.ToString(),
        example.Expected.Pairs.Select(p => new ExpectedLinks(p.A, p.B, p.Relation, [], p.Differences.Select(d => new ExpectedDifference(d.A, d.B)).ToList())).ToList(),
        new HashSet<(int, int)>());
}

/// <summary>
/// How far a comparison agrees with a hand alignment: links (a–b) found that are sure or possible (precision) and sure
/// links found (recall); the listed figure differences found and the differences listed that no reader expects; the
/// relations of the pairs aligned exactly as expected. Sums over several alignments add up (<see cref="Add"/>).
/// </summary>
public sealed record AlignmentScore(int Found, int FoundCorrect, int Sure, int SureFound, int Differences, int DifferencesFound, int ExtraDifferences, int Relations, int RelationsAgree)
{
    public static AlignmentScore Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public double Precision => Found == 0 ? 1 : (double)FoundCorrect / Found;

    public double Recall => Sure == 0 ? 1 : (double)SureFound / Sure;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public AlignmentScore Add(AlignmentScore o) => new(
        Found + o.Found, FoundCorrect + o.FoundCorrect, Sure + o.Sure, SureFound + o.SureFound, Differences + o.Differences,
        DifferencesFound + o.DifferencesFound, ExtraDifferences + o.ExtraDifferences, Relations + o.Relations, RelationsAgree + o.RelationsAgree);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"links: found {Found}, sure {Sure}: precision {Precision:0.000}, recall {Recall:0.000}, F1 {F1:0.000}; differences found {DifferencesFound} of {Differences}, extra {ExtraDifferences}; relations {RelationsAgree} of {Relations}");

    /// <summary>Scores <paramref name="actual"/> against <paramref name="expected"/>; <paramref name="log"/> gets one line per disagreement.</summary>
    public static AlignmentScore Of(ExpectedAlignment expected, PairwiseComparison actual, StringBuilder? log = null)
    {
        var found = actual.Pairs.SelectMany(p => p.B.Select(b => (A: Number(p.A), B: Number(b)))).ToHashSet();
        var correct = found.Count(l => expected.Sure.Contains(l) || expected.Possible.Contains(l));
        var sureFound = found.Count(expected.Sure.Contains);
        log?.AppendLine($"  found, not expected: {string.Join(" ", found.Where(l => !expected.Sure.Contains(l) && !expected.Possible.Contains(l)).Order().Select(l => $"{l.A}–{l.B}"))}");
        log?.AppendLine($"  expected, not found: {string.Join(" ", expected.Sure.Where(l => !found.Contains(l)).Order().Select(l => $"{l.A}–{l.B}"))}");

        var pairs = actual.Pairs.ToDictionary(p => Number(p.A));
        int differences = 0, differencesFound = 0, extra = 0, relations = 0, agree = 0;
        foreach (var e in expected.Pairs)
        {
            var mine = pairs.GetValueOrDefault(e.A);
            var unmatched = mine?.Differences.ToList() ?? [];
            foreach (var d in e.Differences)
            {
                var match = unmatched.FirstOrDefault(x => Matches(d.A, x.A) && Matches(d.B, x.B));
                if (match is not null)
                {
                    unmatched.Remove(match);
                }

                if (!d.Optional)
                {
                    differences++;
                    differencesFound += match is null ? 0 : 1;
                    if (match is null)
                    {
                        log?.AppendLine($"  A#{e.A}: difference {d.A} → {d.B} not found");
                    }
                }
            }

            if (mine is not null && mine.B.Select(Number).ToHashSet().SetEquals(e.B))
            {
                extra += unmatched.Count;
                foreach (var x in unmatched)
                {
                    log?.AppendLine($"  A#{e.A}: difference listed that no reader expects: {Labels.Difference(x)}");
                }

                relations++;
                var code = Labels.Code(mine.Relation);
                if (code == e.Relation || e.AlsoAccepted.Contains(code))
                {
                    agree++;
                }
                else
                {
                    log?.AppendLine($"  A#{e.A}: relation {e.Relation}, found {code}");
                }
            }
        }

        return new AlignmentScore(found.Count, correct, expected.Sure.Count, sureFound, differences, differencesFound, extra, relations, agree);
    }

    /// <summary>
    /// Whether a figure is the value a reader wrote: the figure as written stands in the reader's value (parenthesized
    /// remarks left out: "40%以上 (raised from 30%以上)" is 40%以上), or the reader's value stands in the figure as written
    /// ("2023年3月31日" in "延至2023年3月31日"), or a date is the ISO date the reader wrote.
    /// </summary>
    public static bool Matches(string expected, Figure figure)
    {
        var value = Regex.Replace(expected, @"\s*\([^)]*\)", string.Empty);
        return value.Contains(figure.Text, StringComparison.Ordinal)
            || figure.Text.Contains(value, StringComparison.Ordinal)
            || (figure.Kind == FigureKind.Time && value.Contains(figure.Value, StringComparison.Ordinal));
    }

    private static int Number(PolicyLedger.Reading.Syntax.PolicyItem item) =>
        item.Number ?? throw new InvalidOperationException($"item {item.Id} has no number");
}
