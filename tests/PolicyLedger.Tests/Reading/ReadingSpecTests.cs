using System.Text.Json;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Json;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Tests.Quantities;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Reading;

/// <summary>
/// Runs the examples of Specs/reading/*.md, one test case per example, named after file and number. Files named
/// clauses*.md list each item's roles; structure*.md each item's id, headings and start (see the files' heads).
/// </summary>
public class ReadingSpecTests
{
    private static readonly string[] RoleNames = ["lead", "responsible", "cooperating"];

    public static TheoryData<SpecExample> Clauses() => Load("clauses");

    public static TheoryData<SpecExample> Structure() => Load("structure");

    private static TheoryData<SpecExample> Load(string prefix) =>
        new(Directory.GetFiles(SpecFile.Folder("reading"), prefix + "*.md")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .SelectMany(f => SpecFile.Load("reading", f!)));

    /// <summary>
    /// Each item: its roles (mentions as written, in order), and where given: <c>implied</c> (the mentions a
    /// declaration implies), <c>governs</c> (the part each role governs, one entry per role in order),
    /// <c>diagnostics</c> (the codes on the item; [] for none), <c>times</c> (start..end keys), <c>id</c>.
    /// </summary>
    [Theory]
    [MemberData(nameof(Clauses))]
    public void Clause(SpecExample example)
    {
        var items = Read(example);
        using var expected = JsonDocument.Parse(example.Expected);
        var expectedLines = new List<string>();
        var actualLines = new List<string>();
        var list = expected.RootElement.EnumerateArray().ToList();
        for (var i = 0; i < Math.Max(list.Count, items.Count); i++)
        {
            var e = i < list.Count ? list[i] : (JsonElement?)null;
            var a = i < items.Count ? items[i] : null;
            expectedLines.Add(e is { } ee ? Describe(i, ee) : $"{i + 1}: (none)");
            actualLines.Add(a is null ? $"{i + 1}: (none)" : Describe(i, a, e));
        }

        AssertSame(example, string.Join("\n", expectedLines), string.Join("\n", actualLines));
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

    private static string Describe(int index, JsonElement item)
    {
        var parts = RoleNames.Where(r => item.TryGetProperty(r, out _))
            .Select(r => $"{r}={Visible.Show(item.GetProperty(r).EnumerateArray().Select(m => m.GetString()!).ToList())}")
            .ToList();
        foreach (var key in new[] { "implied", "governs", "diagnostics", "times" })
        {
            if (item.TryGetProperty(key, out var values))
            {
                parts.Add($"{key}={Visible.Show(values.EnumerateArray().Select(v => v.GetString()!).ToList())}");
            }
        }

        if (item.TryGetProperty("id", out var id))
        {
            parts.Add($"id={id.GetString()}");
        }

        return $"{index + 1}: " + string.Join("; ", parts);
    }

    /// <summary>The item described with the keys the expected item has (roles always).</summary>
    private static string Describe(int index, PolicyItem item, JsonElement? expected)
    {
        var parts = RoleNames
            .Select(r => (Name: r, Mentions: item.Roles.Where(x => ReadResultJson.RoleName(x.Role) == r).Select(x => x.Mention).ToList()))
            .Where(r => r.Mentions.Count > 0)
            .Select(r => $"{r.Name}={Visible.Show(r.Mentions)}")
            .ToList();
        bool Has(string key) => expected is { } e && e.TryGetProperty(key, out _);
        if (Has("implied"))
        {
            parts.Add($"implied={Visible.Show(item.Roles.Where(r => r.Implied).Select(r => r.Mention).ToList())}");
        }

        if (Has("governs"))
        {
            parts.Add($"governs={Visible.Show(item.Roles.Select(r => r.Governs?.Value ?? "(none)").ToList())}");
        }

        if (Has("diagnostics"))
        {
            parts.Add($"diagnostics={Visible.Show(item.Diagnostics.Select(d => d.Code).ToList())}");
        }

        if (Has("times"))
        {
            parts.Add($"times={Visible.Show(item.Times.Select(GoldQuantitiesTests.TimeKey).ToList())}");
        }

        if (Has("id"))
        {
            parts.Add($"id={item.Id}");
        }

        return $"{index + 1}: " + string.Join("; ", parts);
    }

    private static void AssertSame(SpecExample example, string expected, string actual)
    {
        if (expected != actual)
        {
            Assert.Fail($"{example}\ninput:\n{Visible.Show(example.Input)}\nexpected:\n{expected}\nactual:\n{actual}");
        }
    }
}
