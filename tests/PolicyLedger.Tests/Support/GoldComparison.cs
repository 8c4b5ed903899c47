using System.Text.Json;
using PolicyLedger.Reading.Json;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Tests.Support;

/// <summary>
/// Compares a reading with a hand-checked reading in ../shared/gold: the document elements the gold gives, item
/// count and order, number (or id), headings, the first 12 characters of the task (whitespace removed), and every
/// role's mentions. Used for the seeds as text (<c>GoldSeedTests</c>) and as PDFs made by real producers.
/// </summary>
internal static class GoldComparison
{
    /// <param name="ItemsRight">Gold items (of documents whose items are judged) read with every check right.</param>
    /// <param name="Items">Gold items of those documents.</param>
    /// <param name="ElementsRight">Documents whose elements (文号, issuer, title, date, 主送, basis) are all right.</param>
    public sealed record Score(int Checked, int Correct, List<string> Misses, int ItemsRight, int Items, int ElementsRight, int Documents)
    {
        public double Percent => Checked == 0 ? 100 : 100.0 * Correct / Checked;
    }

    public static Score Compare(JsonElement goldDocuments, IReadOnlyList<PolicyDocument> documents)
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

        var itemsRight = 0;
        var items = 0;
        var elementsRight = 0;
        var goldList = goldDocuments.EnumerateArray().ToList();
        Check("document count", goldList.Count.ToString(), documents.Count.ToString());
        for (var d = 0; d < Math.Min(goldList.Count, documents.Count); d++)
        {
            var g = goldList[d];
            var doc = documents[d];
            var dto = ReadResultJson.ToDto(doc);
            var where = $"document {d + 1}";
            var before = misses.Count;
            CheckScalar(g, "doc_number", dto.DocNumber, where, Check);
            CheckScalar(g, "issuer", dto.Issuer, where, Check);
            CheckScalar(g, "title", dto.Title, where, Check);
            CheckScalar(g, "date", dto.Date, where, Check);
            CheckList(g, "addressees", dto.Addressees, where, Check);
            CheckList(g, "basis", dto.Basis, where, Check);
            elementsRight += misses.Count == before ? 1 : 0;

            if (!g.TryGetProperty("items", out var count) || count.ValueKind == JsonValueKind.Null)
            {
                continue; // a report's numbered parts are not judged
            }

            var goldItems = g.TryGetProperty("item_list", out var list) ? list.EnumerateArray().ToList() : [];
            Check($"{where} item count", count.GetInt32().ToString(), doc.Items.Count.ToString());
            items += goldItems.Count;
            for (var i = 0; i < Math.Min(goldItems.Count, doc.Items.Count); i++)
            {
                var gi = goldItems[i];
                var item = doc.Items[i];
                var at = $"{where} item {i + 1} ({item.Id})";
                var missesBefore = misses.Count;
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

                itemsRight += misses.Count == missesBefore ? 1 : 0;
            }
        }

        return new Score(checkedCount, checkedCount - misses.Count, misses, itemsRight, items, elementsRight, goldList.Count);
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
