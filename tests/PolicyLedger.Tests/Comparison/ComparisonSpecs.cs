using System.Text;
using System.Text.Json;
using PolicyLedger.Comparison;
using PolicyLedger.Reading;

namespace PolicyLedger.Tests.Comparison;

/// <summary>One example of a comparison spec: two documents as text and the expected comparison of B with A.</summary>
public sealed record ComparisonExample(string File, int Number, string Title, string A, string B, ExpectedComparison Expected)
{
    public override string ToString() => $"{File} #{Number} {Title}";

    public ComparedDocument ReadA() => Read("A", A);

    public ComparedDocument ReadB() => Read("B", B);

    private ComparedDocument Read(string side, string text)
    {
        var result = PolicyReader.Default.ReadText($"{File}#{Number}{side}", text);
        var document = result.Documents.OrderByDescending(d => d.Items.Count).First();
        return ComparedDocument.From(document, side);
    }
}

public sealed record ExpectedPair(int A, IReadOnlyList<int> B, string Relation, IReadOnlyList<(string A, string B)> Differences);

/// <param name="Known">Deviations of today's comparison from the expected one, exactly as the check words them: gaps
/// the spec records openly, so that a change either way (fixed or worse) is seen.</param>
public sealed record ExpectedComparison(IReadOnlyList<ExpectedPair> Pairs, IReadOnlyList<int> OnlyInA, IReadOnlyList<int> OnlyInB, IReadOnlyList<string> Known)
{
    public ISet<(int A, int B)> Links => Pairs.SelectMany(p => p.B.Select(b => (p.A, b))).ToHashSet();
}

/// <summary>
/// Loads <c>Specs/comparison/*.md</c>: each "## title" section holds a ```a block (document A; omitted: the A of the
/// example before), a ```b block and a ```json block with the expected pairs, onlyInA and onlyInB (and the known
/// deviations, if any).
/// </summary>
public static class ComparisonSpecs
{
    public static readonly string[] Files = ["reordered.md", "split-bundle.md", "reworded.md", "figures.md", "dropped-added.md", "scope.md", "versions.md", "departments.md"];

    /// <summary>The held-out set (<c>Specs/comparison-heldout</c>): measured before and after a change of method, never developed against.</summary>
    public static readonly string[] HeldOutFiles = ["employment.md", "agriculture.md", "housing.md", "tourism.md", "digital.md", "eldercare.md"];

    public const string HeldOutFolder = "comparison-heldout";

    public static IReadOnlyList<ComparisonExample> All() => Files.SelectMany(f => Load(f)).ToList();

    public static IReadOnlyList<ComparisonExample> HeldOut() => HeldOutFiles.SelectMany(f => Load(f, HeldOutFolder)).ToList();

    public static IReadOnlyList<ComparisonExample> Load(string file, string folder = "comparison")
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", folder, file), Encoding.UTF8).Replace("\r\n", "\n");
        var examples = new List<ComparisonExample>();
        string? a = null;
        foreach (var section in text.Split("\n## ").Skip(1))
        {
            var title = section[..section.IndexOf('\n')].Trim();
            a = Block(section, "a") ?? a ?? throw new InvalidDataException($"{file}: '{title}' has no ```a block and no example before it");
            var b = Block(section, "b") ?? throw new InvalidDataException($"{file}: '{title}' needs a ```b block");
            var json = Block(section, "json") ?? throw new InvalidDataException($"{file}: '{title}' needs a ```json block");
            examples.Add(new ComparisonExample(file, examples.Count + 1, title, a, b, Parse(json)));
        }

        return examples;
    }

    private static ExpectedComparison Parse(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        var pairs = root.GetProperty("pairs").EnumerateArray().Select(p => new ExpectedPair(
            p.GetProperty("a").GetInt32(),
            p.GetProperty("b").EnumerateArray().Select(x => x.GetInt32()).ToList(),
            p.GetProperty("relation").GetString()!,
            p.TryGetProperty("differences", out var d)
                ? d.EnumerateArray().Select(x => (x[0].GetString()!, x[1].GetString()!)).ToList()
                : [])).ToList();
        return new ExpectedComparison(
            pairs,
            root.GetProperty("onlyInA").EnumerateArray().Select(x => x.GetInt32()).ToList(),
            root.GetProperty("onlyInB").EnumerateArray().Select(x => x.GetInt32()).ToList(),
            root.TryGetProperty("known", out var known) ? known.EnumerateArray().Select(x => x.GetString()!).ToList() : []);
    }

    private static string? Block(string section, string language)
    {
        var fence = $"```{language}\n";
        var start = section.IndexOf(fence, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += fence.Length;
        var end = section.IndexOf("\n```", start, StringComparison.Ordinal);
        return end < 0 ? null : section[start..end];
    }
}
