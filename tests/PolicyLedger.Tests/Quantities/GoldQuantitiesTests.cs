using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Quantities;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Tests.Support;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Quantities;

/// <summary>
/// Scores the quantity and time readers against ../shared/gold/quantities.json: precision, recall and F1, a
/// quantity counting as right when kind, value, unit, bound, high and per all match, a time when start, end and
/// recurrence match. Required: F1 ≥ 0.95 for both.
/// </summary>
public sealed class GoldQuantitiesTests(ITestOutputHelper output)
{
    private const double Required = 0.95;

    [SkippableFact]
    public void Quantities_and_times_match_the_gold_reading()
    {
        SharedData.Require();
        Check((doc, id) =>
        {
            var item = SeedItems.Find(doc, id);
            Assert.True(item is not null, $"gold item {doc} {id} not found in the seed");
            return (item!.Text.Text, QuantityReader.Read(item.Text), TimeReader.Read(item.Text, item.Context));
        });
    }

    /// <summary>The same score through the whole pipeline: the seed read by PolicyReader, the item found by its text.</summary>
    [SkippableFact]
    public void Items_read_by_the_pipeline_carry_the_gold_quantities_and_times()
    {
        SharedData.Require();
        var read = new Dictionary<string, IReadOnlyList<PolicyItem>>();
        Check((doc, id) =>
        {
            var cut = SeedItems.Find(doc, id);
            Assert.True(cut is not null, $"gold item {doc} {id} not found in the seed");
            if (!read.TryGetValue(doc, out var items))
            {
                items = PolicyReader.Default.ReadFile(SharedData.Path("seeds", doc + ".txt")).Documents.SelectMany(d => d.Items).ToList();
                read[doc] = items;
            }

            var startsWith = cut!.Text.Text[..Math.Min(12, cut.Text.Length)];
            var item = items.FirstOrDefault(i => i.Text.StartsWith(startsWith, StringComparison.Ordinal));
            return item is null ? ("(no item read)", [], []) : (item.Text, item.Quantities, item.Times);
        });
    }

    private void Check(Func<string, string, (string Text, IReadOnlyList<Quantity> Quantities, IReadOnlyList<TimeExpression> Times)> readItem)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.Path("gold", "quantities.json")));
        int qGold = 0, qOurs = 0, qRight = 0, tGold = 0, tOurs = 0, tRight = 0;
        var report = new StringBuilder();
        foreach (var g in gold.RootElement.GetProperty("items").EnumerateArray())
        {
            var doc = g.GetProperty("doc").GetString()!;
            var id = g.GetProperty("item").ValueKind == JsonValueKind.Number ? g.GetProperty("item").GetInt32().ToString(CultureInfo.InvariantCulture) : g.GetProperty("item").GetString()!;
            var (text, quantities, times) = readItem(doc, id);

            var expectedQ = g.GetProperty("quantities").EnumerateArray().Select(GoldQuantityKey).ToList();
            var actualQ = quantities.Select(QuantityKey).ToList();
            var expectedT = g.GetProperty("times").EnumerateArray().Select(GoldTimeKey).ToList();
            var actualT = times.Select(TimeKey).ToList();

            var (qr, qMissing, qExtra) = Compare(expectedQ, actualQ);
            var (tr, tMissing, tExtra) = Compare(expectedT, actualT);
            qGold += expectedQ.Count; qOurs += actualQ.Count; qRight += qr;
            tGold += expectedT.Count; tOurs += actualT.Count; tRight += tr;
            if (qMissing.Count + qExtra.Count + tMissing.Count + tExtra.Count > 0)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"## {doc} item {id}: {Visible.Show(text[..Math.Min(text.Length, 300)])}");
                foreach (var m in qMissing) report.AppendLine(CultureInfo.InvariantCulture, $"   quantity missing: {m}");
                foreach (var m in qExtra) report.AppendLine(CultureInfo.InvariantCulture, $"   quantity extra:   {m}");
                foreach (var m in tMissing) report.AppendLine(CultureInfo.InvariantCulture, $"   time missing:     {m}");
                foreach (var m in tExtra) report.AppendLine(CultureInfo.InvariantCulture, $"   time extra:       {m}");
            }
        }

        var (qp, qrc, qf) = Score(qGold, qOurs, qRight);
        var (tp, trc, tf) = Score(tGold, tOurs, tRight);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"quantities: gold {qGold}, read {qOurs}, right {qRight}: P {qp:F3} R {qrc:F3} F1 {qf:F3}\ntimes: gold {tGold}, read {tOurs}, right {tRight}: P {tp:F3} R {trc:F3} F1 {tf:F3}");
        output.WriteLine(summary);
        output.WriteLine(report.ToString());
        Assert.True(qf >= Required && tf >= Required, summary + "\n" + report);
    }

    private static (double P, double R, double F1) Score(int gold, int ours, int right)
    {
        var p = ours == 0 ? 0 : (double)right / ours;
        var r = gold == 0 ? 0 : (double)right / gold;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    private static (int Right, List<string> Missing, List<string> Extra) Compare(List<string> expected, List<string> actual)
    {
        var extra = new List<string>(actual);
        var missing = new List<string>();
        var right = 0;
        foreach (var e in expected)
        {
            var k = extra.FindIndex(a => Strip(a) == e);
            if (k >= 0)
            {
                extra.RemoveAt(k);
                right++;
            }
            else
            {
                missing.Add(e);
            }
        }

        return (right, missing, extra);
    }

    private static string Strip(string key) => key.IndexOf(" «", StringComparison.Ordinal) is var at and >= 0 ? key[..at] : key;

    private static string Num(decimal d) => Math.Round(d, 4).ToString("0.####", CultureInfo.InvariantCulture);

    private static string Num(JsonElement e) => Num(e.GetDecimal());

    public static string QuantityKey(Quantity q) => q.Kind == QuantityKind.Ratio
        ? $"ratio {Num(q.Value)}:{Num(q.High ?? 0)}"
        : $"{q.Kind.ToString().ToLowerInvariant()} {Num(q.Value)} {q.Unit} {q.Bound.ToString().ToLowerInvariant()}{(q.High is { } h ? " high " + Num(h) : "")}{(q.Per is { } p ? " per " + p : "")} «{q.Text}»";

    public static string GoldQuantityKey(JsonElement q)
    {
        var kind = q.GetProperty("kind").GetString()!;
        if (kind == "ratio")
        {
            var v = q.GetProperty("value").EnumerateArray().ToList();
            return $"ratio {Num(v[0])}:{Num(v[1])}";
        }

        var high = q.TryGetProperty("high", out var h) && h.ValueKind == JsonValueKind.Number ? " high " + Num(h) : "";
        var per = q.TryGetProperty("per", out var p) && p.ValueKind == JsonValueKind.String ? " per " + p.GetString() : "";
        return $"{kind} {Num(q.GetProperty("value"))} {q.GetProperty("unit").GetString()} {q.GetProperty("bound").GetString()}{high}{per}";
    }

    public static string TimeKey(TimeExpression t) => $"{t.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "null"}..{t.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "null"}{(t.Recurrence is { } r ? " every " + r : "")}";

    public static string GoldTimeKey(JsonElement t)
    {
        static string D(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "null";
        var rec = t.TryGetProperty("recurrence", out var r) && r.ValueKind == JsonValueKind.String ? " every " + r.GetString() : "";
        return $"{D(t, "start")}..{D(t, "end")}{rec}";
    }
}
