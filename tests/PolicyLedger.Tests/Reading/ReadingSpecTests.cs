using System.Text.Json;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Json;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Reading;

/// <summary>Runs the examples of Specs/reading/*.md, one test case per example, named after file and number.</summary>
public class ReadingSpecTests
{
    public static TheoryData<SpecExample> Clauses() => new(SpecFile.Load("reading", "clauses.md"));

    public static TheoryData<SpecExample> Structure() => new(SpecFile.Load("reading", "structure.md"));

    [Theory]
    [MemberData(nameof(Clauses))]
    public void Clause(SpecExample example)
    {
        var items = Read(example);
        var expected = JsonSerializer.Deserialize<List<Dictionary<string, List<string>>>>(example.Expected)!;
        var actual = items.Select(i => i.Roles.GroupBy(r => ReadResultJson.RoleName(r.Role))
            .ToDictionary(g => g.Key, g => g.Select(r => r.Mention).ToList())).ToList();
        AssertSame(example, Describe(expected), Describe(actual));
    }

    [Theory]
    [MemberData(nameof(Structure))]
    public void Heading_and_item(SpecExample example)
    {
        var items = Read(example);
        var expected = JsonSerializer.Deserialize<List<ExpectedItem>>(example.Expected, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        var lines = new List<string>();
        var actualLines = new List<string>();
        for (var i = 0; i < Math.Max(expected.Count, items.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : null;
            var a = i < items.Count ? items[i] : null;
            lines.Add(e is null ? "(none)" : $"{e.Id} {Visible.Show(e.Headings)} {Visible.Show(e.Starts)}");
            var task = a is null ? string.Empty : new string(a.Task.Where(c => !char.IsWhiteSpace(c)).ToArray());
            actualLines.Add(a is null ? "(none)" : $"{a.Id} {Visible.Show(a.Headings)} {Visible.Show(e is not null && task.StartsWith(e.Starts, StringComparison.Ordinal) ? e.Starts : task)}");
        }

        AssertSame(example, string.Join("\n", lines), string.Join("\n", actualLines));
    }

    public sealed record ExpectedItem(string Id, List<string> Headings, string Starts);

    private static IReadOnlyList<PolicyItem> Read(SpecExample example)
    {
        var result = PolicyReader.Default.ReadText(example.File, example.Input);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return result.Documents.SelectMany(d => d.Items).ToList();
    }

    private static string Describe(List<Dictionary<string, List<string>>> items) =>
        string.Join("\n", items.Select((roles, i) => $"{i + 1}: " + string.Join("; ",
            new[] { "lead", "responsible", "cooperating" }.Where(roles.ContainsKey).Select(r => $"{r}={Visible.Show(roles[r])}"))));

    private static void AssertSame(SpecExample example, string expected, string actual)
    {
        if (expected != actual)
        {
            Assert.Fail($"{example}\ninput:\n{Visible.Show(example.Input)}\nexpected:\n{expected}\nactual:\n{actual}");
        }
    }
}
