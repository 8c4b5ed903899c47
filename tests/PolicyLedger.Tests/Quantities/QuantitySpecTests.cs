using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyLedger.Reading.Quantities;
using PolicyLedger.Reading.Syntax;

using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Quantities;

/// <summary>
/// Runs the examples of Specs/quantities/*.md: each example is a Chinese excerpt (a ```text block) followed by the
/// expected reading (a ```json block with "quantities" and "times"). A file may set the years of its dates
/// without one with a line <c>context: document 2023, plan 2023</c>. Each example is a test case named after its
/// file and number.
/// </summary>
public sealed class QuantitySpecTests
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record Example(string File, int Number, string Text, string Expected, TimeContext Context);

    public static IReadOnlyList<Example> Load()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Specs", "quantities");
        var examples = new List<Example>();
        foreach (var path in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var context = new TimeContext(2023, null);
            string? text = null;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.StartsWith("context:", StringComparison.Ordinal))
                {
                    context = ParseContext(line);
                }
                else if (line.StartsWith("```text", StringComparison.Ordinal))
                {
                    text = string.Join("\n", lines.Skip(i + 1).TakeWhile(l => l != "```"));
                }
                else if (line.StartsWith("```json", StringComparison.Ordinal) && text is not null)
                {
                    var json = string.Join("\n", lines.Skip(i + 1).TakeWhile(l => l != "```"));
                    examples.Add(new Example(Path.GetFileNameWithoutExtension(path), examples.Count(e => e.File == Path.GetFileNameWithoutExtension(path)) + 1, text, json, context));
                    text = null;
                }
            }
        }

        return examples;
    }

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var e in Load())
        {
            data.Add(e.File, e.Number);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Spec_example(string file, int number)
    {
        var e = Load().Single(x => x.File == file && x.Number == number);
        var actual = Reading(e.Text, e.Context);
        var expected = JsonNode.Parse(e.Expected)!.ToJsonString(Compact);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)),
            $"{file} example {number}\n  input:    {Visible.Show(e.Text)}\n  expected: {expected}\n  actual:   {actual}");
    }

    /// <summary>The reading of one excerpt in the spec files' shape.</summary>
    public static string Reading(string text, TimeContext context)
    {
        var quantities = new JsonArray(QuantityReader.Read(text).Select(q => (JsonNode)new JsonObject
        {
            ["text"] = q.Text,
            ["kind"] = q.Kind.ToString().ToLowerInvariant(),
            ["value"] = q.Value,
            ["unit"] = q.Unit,
            ["bound"] = q.Bound.ToString().ToLowerInvariant(),
            ["high"] = q.High,
            ["per"] = q.Per,
        }).ToArray());
        var times = new JsonArray(TimeReader.Read(text, context).Select(t => (JsonNode)new JsonObject
        {
            ["text"] = t.Text,
            ["start"] = t.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["end"] = t.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["recurrence"] = t.Recurrence,
            ["yearFromContext"] = t.YearFromContext,
        }).ToArray());
        return new JsonObject { ["quantities"] = quantities, ["times"] = times }.ToJsonString(Compact);
    }

    private static TimeContext ParseContext(string line)
    {
        int? Year(string key)
        {
            var at = line.IndexOf(key, StringComparison.Ordinal);
            return at >= 0 && int.TryParse(line.AsSpan(at + key.Length).Trim()[..4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : null;
        }

        return new TimeContext(Year("document "), Year("plan "));
    }
}
