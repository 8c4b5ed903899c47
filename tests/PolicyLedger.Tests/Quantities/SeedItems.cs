using System.Text;
using System.Text.Json;
using PolicyLedger.Reading.Quantities;
using PolicyLedger.Reading.Text;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Quantities;

/// <summary>
/// Cuts the text of one task item out of a seed, the way the gold finds it: the seed's lines joined with
/// whitespace inside CJK text removed, from the item's <c>starts_with</c> to the next item's.
/// </summary>
public static class SeedItems
{
    public sealed record Item(string Doc, string Id, MappedText Text, TimeContext Context);

    public static MappedText JoinedSeed(string doc)
    {
        var original = File.ReadAllText(SharedData.Path("seeds", doc + ".txt"));
        var sb = new StringBuilder(original.Length);
        var map = new List<int>(original.Length + 1);
        foreach (var line in TextNormalizer.SplitLines(original))
        {
            if (line.IsPageFooter)
            {
                continue;
            }

            for (var i = 0; i < line.Text.Length; i++)
            {
                sb.Append(line.Text.Text[i]);
                map.Add(line.Text.SourceOffset(i));
            }
        }

        map.Add(original.Length);
        return new MappedText(sb.ToString(), [.. map]);
    }

    /// <summary>The item <paramref name="id"/> (a number, or mN for measure N of 003's 稳经济 measures) of a seed.</summary>
    public static Item? Find(string doc, string id)
    {
        var seed = JoinedSeed(doc);
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.Path("gold", doc + ".json")));
        var pos = 0;
        foreach (var d in gold.RootElement.GetProperty("documents").EnumerateArray())
        {
            if (!d.TryGetProperty("item_list", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var title = d.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : "";
            var hasItems = d.TryGetProperty("items", out var count) && count.ValueKind == JsonValueKind.Number;
            var list = items.EnumerateArray().ToList();
            for (var k = 0; k < list.Count; k++)
            {
                var startsWith = list[k].GetProperty("starts_with").GetString()!;
                var at = seed.Text.IndexOf(startsWith, pos, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                pos = at;
                var n = list[k].TryGetProperty("n", out var nn) && nn.ValueKind == JsonValueKind.Number ? nn.GetInt32() : (int?)null;
                var match = id.StartsWith('m')
                    ? title.Contains("稳经济", StringComparison.Ordinal) && n?.ToString(System.Globalization.CultureInfo.InvariantCulture) == id[1..]
                    : hasItems && n?.ToString(System.Globalization.CultureInfo.InvariantCulture) == id;
                if (!match)
                {
                    continue;
                }

                var next = k + 1 < list.Count ? seed.Text.IndexOf(list[k + 1].GetProperty("starts_with").GetString()!, at + 1, StringComparison.Ordinal) : -1;
                var end = next > at ? next : Math.Min(seed.Length, at + 400);
                return new Item(doc, id, seed.Slice(at, end - at), ContextOf(d, title));
            }
        }

        return null;
    }

    private static TimeContext ContextOf(JsonElement doc, string title)
    {
        int? docYear = doc.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String && DateOnly.TryParse(date.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var dt) ? dt.Year : null;
        int? planYear = null;
        var y = title.IndexOf('年', StringComparison.Ordinal);
        if (y >= 4 && int.TryParse(title.AsSpan(y - 4, 4), out var py) && py is >= 1990 and <= 2100)
        {
            planYear = py;
        }

        return new TimeContext(docYear, planYear);
    }
}
