using System.Text.Json;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Json;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Tests.Support;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Reading;

/// <summary>
/// Reads each seed in ../shared/seeds and compares with its hand-checked reading in ../shared/gold: the document
/// elements the gold gives, item count and order, number (or id), headings, the first 12 characters of the task
/// (whitespace removed), and every role's mentions. Prints the figure per seed; requires 100 %.
/// </summary>
public class GoldSeedTests(ITestOutputHelper output)
{
    public static TheoryData<string> Seeds() =>
    [
        "000_9d4e57dbb9f33d71",
        "001_a1185b48fffa7541",
        "002_1db4aff5efda3015",
        "003_0d2851ec049d1a5f",
        "004_e671b60dfd04a703",
    ];

    [SkippableTheory]
    [MemberData(nameof(Seeds))]
    public void Seed_reads_as_the_gold_reading(string seed)
    {
        SharedData.Require();
        var result = PolicyReader.Default.ReadFile(SharedData.Path("seeds", seed + ".txt"));
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.Path("gold", seed + ".json")));
        var score = Compare(gold.RootElement.GetProperty("documents"), result.Documents);

        output.WriteLine($"{seed}: {score.Correct}/{score.Checked} checks agree ({score.Percent:F2} %), {result.Documents.Sum(d => d.Items.Count)} items read");
        foreach (var miss in score.Misses.Take(40))
        {
            output.WriteLine("  " + miss);
        }

        Assert.True(score.Misses.Count == 0, $"{seed}: {score.Misses.Count} disagreements with the gold reading:\n" + string.Join("\n", score.Misses.Take(40)));
    }

    private sealed record Score(int Checked, int Correct, List<string> Misses)
    {
        public double Percent => Checked == 0 ? 100 : 100.0 * Correct / Checked;
    }

    private static Score Compare(JsonElement goldDocuments, IReadOnlyList<PolicyDocument> documents)
    {
        var misses = new List<string>();
        var checkedCount = 0;

        void Check(string what, string expected, string actual)
        {
            checkedCount++;
            if (expected != actual)
            {
                misses.Add($"{what}: expected {expected}, actual {actual}");
            }
        }

        var goldList = goldDocuments.EnumerateArray().ToList();
        Check("document count", goldList.Count.ToString(), documents.Count.ToString());
        for (var d = 0; d < Math.Min(goldList.Count, documents.Count); d++)
        {
            var g = goldList[d];
            var doc = documents[d];
            var dto = ReadResultJson.ToDto(doc);
            var where = $"document {d + 1}";
            CheckScalar(g, "doc_number", dto.DocNumber, where, Check);
            CheckScalar(g, "issuer", dto.Issuer, where, Check);
            CheckScalar(g, "title", dto.Title, where, Check);
            CheckScalar(g, "date", dto.Date, where, Check);
            CheckList(g, "addressees", dto.Addressees, where, Check);
            CheckList(g, "basis", dto.Basis, where, Check);

            if (!g.TryGetProperty("items", out var count) || count.ValueKind == JsonValueKind.Null)
            {
                continue; // a report's numbered parts are not judged
            }

            var goldItems = g.TryGetProperty("item_list", out var list) ? list.EnumerateArray().ToList() : [];
            Check($"{where} item count", count.GetInt32().ToString(), doc.Items.Count.ToString());
            for (var i = 0; i < Math.Min(goldItems.Count, doc.Items.Count); i++)
            {
                var gi = goldItems[i];
                var item = doc.Items[i];
                var at = $"{where} item {i + 1} ({item.Id})";
                if (gi.TryGetProperty("n", out var n))
                {
                    Check($"{at} number", n.GetInt32().ToString(), item.Number?.ToString() ?? "null");
                }

                if (gi.TryGetProperty("id", out var id))
                {
                    Check($"{at} id", Visible.Show(id.GetString()), Visible.Show(item.Id));
                }

                var headings = new[] { "section", "subsection" }
                    .Select(k => gi.TryGetProperty(k, out var h) && h.ValueKind == JsonValueKind.String ? h.GetString()! : null)
                    .OfType<string>().ToList();
                Check($"{at} headings", Visible.Show(headings), Visible.Show(item.Headings));
                Check($"{at} starts with", Visible.Show(gi.GetProperty("starts_with").GetString()), Visible.Show(StartsWith(item.Task)));

                var goldRoles = gi.GetProperty("roles").EnumerateObject()
                    .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToList());
                foreach (var role in new[] { "lead", "responsible", "cooperating" })
                {
                    var expected = goldRoles.GetValueOrDefault(role) ?? [];
                    var actual = item.Roles.Where(r => ReadResultJson.RoleName(r.Role) == role).Select(r => r.Mention).ToList();
                    Check($"{at} {role}", Visible.Show(expected), Visible.Show(actual));
                }
            }
        }

        return new Score(checkedCount, checkedCount - misses.Count, misses);
    }

    private static string StartsWith(string text)
    {
        var compact = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\u3000').ToArray());
        return compact.Length <= 12 ? compact : compact[..12];
    }

    private static void CheckScalar(JsonElement g, string key, string? actual, string where, Action<string, string, string> check)
    {
        if (g.TryGetProperty(key, out var value))
        {
            check($"{where} {key}", Visible.Show(value.ValueKind == JsonValueKind.Null ? null : value.GetString()), Visible.Show(actual));
        }
    }

    private static void CheckList(JsonElement g, string key, IReadOnlyList<string> actual, string where, Action<string, string, string> check)
    {
        if (g.TryGetProperty(key, out var value))
        {
            var expected = value.ValueKind == JsonValueKind.Null ? [] : value.EnumerateArray().Select(v => v.GetString()!).ToList();
            check($"{where} {key}", Visible.Show(expected), Visible.Show(actual));
        }
    }
}
