using System.Globalization;
using System.Text.Json;
using PolicyLedger.Reading.Json;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Tests.Quantities;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Corpus;

/// <summary>How many things the expected reading holds, how many were read, and how many of those are right.</summary>
public sealed record Counts(int Expected, int Read, int Right)
{
    public static readonly Counts Zero = new(0, 0, 0);

    public double Precision => Read == 0 ? (Expected == 0 ? 1 : 0) : (double)Right / Read;

    public double Recall => Expected == 0 ? (Read == 0 ? 1 : 0) : (double)Right / Expected;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Counts operator +(Counts a, Counts b) => new(a.Expected + b.Expected, a.Read + b.Read, a.Right + b.Right);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"expected {Expected}, read {Read}, right {Right}: P {Precision:F3} R {Recall:F3} F1 {F1:F3}");
}

/// <summary>The score of one file against its expected reading, with what disagrees.</summary>
public sealed record CorpusScoreResult(string File, Counts Items, Counts Roles, Counts Implied, Counts Quantities, Counts Times, IReadOnlyList<string> Misses)
{
    public static CorpusScoreResult operator +(CorpusScoreResult a, CorpusScoreResult b) =>
        new("all", a.Items + b.Items, a.Roles + b.Roles, a.Implied + b.Implied, a.Quantities + b.Quantities, a.Times + b.Times, [.. a.Misses, .. b.Misses]);
}

/// <summary>
/// Scores a reading against a corpus document's hand-written expected reading (tests/corpus/README.md): documents in
/// order; within a document, expected and read items aligned in order by their start (the read task begins with the
/// expected <c>starts_with</c>); roles as (item, role, mention), implied roles, quantities and times (the keys of
/// <see cref="GoldQuantitiesTests"/>) counted as multisets per aligned item. An item left unaligned counts all its
/// roles and figures as missed (expected) or extra (read). Usable for any format the document is read from.
/// </summary>
public static class CorpusScore
{
    private static readonly string[] RoleNames = ["lead", "responsible", "cooperating"];

    public static CorpusScoreResult Score(string expectedPath, ReadResult result)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
        var misses = new List<string>();
        var total = new CorpusScoreResult(result.File, Counts.Zero, Counts.Zero, Counts.Zero, Counts.Zero, Counts.Zero, misses);
        var documents = expected.RootElement.GetProperty("documents").EnumerateArray().ToList();
        for (var d = 0; d < Math.Max(documents.Count, result.Documents.Count); d++)
        {
            var goldItems = d < documents.Count ? documents[d].GetProperty("item_list").EnumerateArray().ToList() : [];
            var figures = d < documents.Count ? documents[d].GetProperty("figures").EnumerateArray().ToList() : [];
            var items = d < result.Documents.Count ? result.Documents[d].Items : [];
            var aligned = Align(goldItems, items);
            var where = $"{Path.GetFileName(result.File)} document {d + 1}";
            for (var g = 0; g < goldItems.Count; g++)
            {
                var r = aligned[g];
                var item = r >= 0 ? items[r] : null;
                var at = $"{where} item {Label(goldItems[g])}";
                if (item is null)
                {
                    misses.Add($"{at}: not read (starts {Visible.Show(goldItems[g].GetProperty("starts_with").GetString())})");
                }

                total = total with
                {
                    Items = total.Items + new Counts(1, 0, item is not null && Same(goldItems[g], item, at, misses) ? 1 : 0),
                    Roles = total.Roles + Compare(at, "role", ExpectedRoles(goldItems[g]), item?.Roles.Select(RoleKey).ToList() ?? [], misses),
                    Implied = total.Implied + Compare(at, "implied", ExpectedImplied(goldItems[g]), item?.Roles.Where(x => x.Implied).Select(RoleKey).ToList() ?? [], misses),
                    Quantities = total.Quantities + Compare(at, "quantity", FigureKeys(figures, g, "quantities", GoldQuantitiesTests.GoldQuantityKey),
                        item?.Quantities.Select(q => Strip(GoldQuantitiesTests.QuantityKey(q))).ToList() ?? [], misses),
                    Times = total.Times + Compare(at, "time", FigureKeys(figures, g, "times", GoldQuantitiesTests.GoldTimeKey),
                        item?.Times.Select(GoldQuantitiesTests.TimeKey).ToList() ?? [], misses),
                };
            }

            foreach (var extra in Enumerable.Range(0, items.Count).Where(i => !aligned.Contains(i)))
            {
                var item = items[extra];
                misses.Add($"{where}: extra item {item.Id} ({Visible.Show(Start(item.Task))})");
                total = total with
                {
                    Items = total.Items + new Counts(0, 1, 0),
                    Roles = total.Roles + new Counts(0, item.Roles.Count, 0),
                    Implied = total.Implied + new Counts(0, item.Roles.Count(x => x.Implied), 0),
                    Quantities = total.Quantities + new Counts(0, item.Quantities.Count, 0),
                    Times = total.Times + new Counts(0, item.Times.Count, 0),
                };
            }

            // Items aligned count as read too.
            total = total with { Items = total.Items + new Counts(0, aligned.Count(a => a >= 0), 0) };
        }

        return total;
    }

    private static string Label(JsonElement item) =>
        item.TryGetProperty("id", out var id) ? id.GetString()! : item.TryGetProperty("n", out var n) ? n.GetInt32().ToString(CultureInfo.InvariantCulture) : "?";

    /// <summary>The first 12 characters of a task, whitespace removed, as <c>starts_with</c> is written.</summary>
    public static string Start(string task)
    {
        var compact = new string(task.Where(c => !char.IsWhiteSpace(c) && c != '\u3000').ToArray());
        return compact.Length <= 12 ? compact : compact[..12];
    }

    private static bool Starts(JsonElement gold, PolicyItem item)
    {
        var expected = gold.GetProperty("starts_with").GetString()!;
        var compact = new string(item.Task.Where(c => !char.IsWhiteSpace(c) && c != '\u3000').ToArray());
        return compact.StartsWith(expected, StringComparison.Ordinal);
    }

    /// <summary>Number, id and headings as expected (the start is what aligned the two).</summary>
    private static bool Same(JsonElement gold, PolicyItem item, string at, List<string> misses)
    {
        var ok = true;
        if (gold.TryGetProperty("n", out var n) && n.GetInt32() != item.Number)
        {
            misses.Add($"{at}: number {n.GetInt32()}, read {item.Number?.ToString(CultureInfo.InvariantCulture) ?? "null"}");
            ok = false;
        }

        if (gold.TryGetProperty("id", out var id) && id.GetString() != item.Id)
        {
            misses.Add($"{at}: id {id.GetString()}, read {item.Id}");
            ok = false;
        }

        var headings = new[] { "section", "subsection" }
            .Select(k => gold.TryGetProperty(k, out var h) && h.ValueKind == JsonValueKind.String ? h.GetString()! : null)
            .OfType<string>().ToList();
        if (!headings.SequenceEqual(item.Headings))
        {
            misses.Add($"{at}: headings {Visible.Show(headings)}, read {Visible.Show(item.Headings)}");
            ok = false;
        }

        return ok;
    }

    /// <summary>For each expected item the index of the read item it is, or -1: the longest alignment in order.</summary>
    private static int[] Align(List<JsonElement> gold, IReadOnlyList<PolicyItem> read)
    {
        var n = gold.Count;
        var m = read.Count;
        var best = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                best[i, j] = Starts(gold[i], read[j]) ? best[i + 1, j + 1] + 1 : Math.Max(best[i + 1, j], best[i, j + 1]);
            }
        }

        var aligned = Enumerable.Repeat(-1, n).ToArray();
        for (int i = 0, j = 0; i < n && j < m;)
        {
            if (Starts(gold[i], read[j]) && best[i, j] == best[i + 1, j + 1] + 1)
            {
                aligned[i++] = j++;
            }
            else if (best[i + 1, j] >= best[i, j + 1])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return aligned;
    }

    private static string RoleKey(RoleMention r) => $"{ReadResultJson.RoleName(r.Role)} {r.Mention}";

    private static List<string> ExpectedRoles(JsonElement item) => Keys(item, "roles");

    private static List<string> ExpectedImplied(JsonElement item) => item.TryGetProperty("implied", out _) ? Keys(item, "implied") : [];

    private static List<string> Keys(JsonElement item, string property)
    {
        var keys = new List<string>();
        var roles = item.GetProperty(property);
        foreach (var role in RoleNames)
        {
            if (roles.TryGetProperty(role, out var mentions))
            {
                keys.AddRange(mentions.EnumerateArray().Select(m => $"{role} {m.GetString()}"));
            }
        }

        return keys;
    }

    private static List<string> FigureKeys(List<JsonElement> figures, int index, string property, Func<JsonElement, string> key) =>
        index < figures.Count ? figures[index].GetProperty(property).EnumerateArray().Select(key).ToList() : [];

    private static string Strip(string key) => key.IndexOf(" «", StringComparison.Ordinal) is var at and >= 0 ? key[..at] : key;

    /// <summary>Multiset agreement of expected and read keys; what differs goes to <paramref name="misses"/>.</summary>
    private static Counts Compare(string at, string what, List<string> expected, List<string> read, List<string> misses)
    {
        var left = new List<string>(read);
        var right = 0;
        foreach (var e in expected)
        {
            var k = left.IndexOf(e);
            if (k >= 0)
            {
                left.RemoveAt(k);
                right++;
            }
            else
            {
                misses.Add($"{at}: {what} missing: {Visible.Show(e)}");
            }
        }

        misses.AddRange(left.Select(e => $"{at}: {what} extra: {Visible.Show(e)}"));
        return new Counts(expected.Count, read.Count, right);
    }
}
