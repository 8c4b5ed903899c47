using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyLedger.Reading.Quantities;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;
using PolicyLedger.Tests.Support;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Quantities;

/// <summary>
/// Runs the in-scope Chinese specs of Recognizers-Text (../shared/peer-specs/recognizers-text) through our readers and
/// reports the pass rate per file. NumberModel, PercentModel and CurrencyModel must pass ≥ 90 %; the others are
/// reported. Cases we decide are out of scope are listed with the reason in Specs/quantities/peer-out-of-scope.json;
/// cases upstream .NET itself skips (NotSupported: dotnet) are skipped the same way.
/// </summary>
public sealed class PeerSpecsTests(ITestOutputHelper output)
{
    public static TheoryData<string, double> Files => new()
    {
        { "Number/Chinese/NumberModel.json", 0.90 },
        { "Number/Chinese/PercentModel.json", 0.90 },
        { "NumberWithUnit/Chinese/CurrencyModel.json", 0.90 },
        { "Number/Chinese/NumberRangeModel.json", 0 },
        { "NumberWithUnit/Chinese/DimensionModel.json", 0 },
        { "DateTime/Chinese/DateExtractor.json", 0 },
        { "DateTime/Chinese/DateParser.json", 0 },
        { "DateTime/Chinese/DatePeriodExtractor.json", 0 },
        { "DateTime/Chinese/DatePeriodParser.json", 0 },
        { "DateTime/Chinese/SetExtractor.json", 0 },
        { "DateTime/Chinese/SetParser.json", 0 },
    };

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Peer_spec_pass_rate(string file, double required)
    {
        SharedData.Require();
        var name = Path.GetFileNameWithoutExtension(file);
        var outOfScope = OutOfScope.Load().Where(o => o.File == name).ToDictionary(o => o.Case, o => o.Reason);
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.Path("peer-specs", "recognizers-text", "Specs", file)));
        var cases = doc.RootElement.EnumerateArray().ToList();
        int run = 0, passed = 0, skipped = 0, dotnet = 0;
        var failures = new StringBuilder();
        for (var k = 0; k < cases.Count; k++)
        {
            var c = cases[k];
            if (Unsupported(c, "NotSupported") || Unsupported(c, "NotSupportedByDesign"))
            {
                dotnet++;
                continue;
            }

            if (outOfScope.ContainsKey(k))
            {
                skipped++;
                continue;
            }

            run++;
            var input = c.GetProperty("Input").GetString() ?? "";
            var expected = c.GetProperty("Results").EnumerateArray().Select(r => Expected(name, r, input)).Where(e => e is not null).Select(e => e!).ToList();
            var actual = Actual(name, input, c);
            if (expected.Count == actual.Count && expected.Zip(actual).All(p => p.First.Split(" || ").Contains(p.Second)))
            {
                passed++;
            }
            else
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"  {name} #{k} {Visible.Show(input)}\n     expected: {string.Join(" | ", expected)}\n     actual:   {string.Join(" | ", actual)}");
            }
        }

        var rate = run == 0 ? 1 : (double)passed / run;
        var line = string.Create(CultureInfo.InvariantCulture, $"{name}: {passed}/{run} = {rate:P1} (out of scope: {skipped}, unsupported on .NET upstream: {dotnet}, total {cases.Count})");
        output.WriteLine(line);
        output.WriteLine(failures.ToString());
        Assert.True(rate >= required, line + "\n" + failures);
    }

    private static bool Unsupported(JsonElement c, string field) =>
        c.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && (v.GetString() ?? "").Contains("dotnet", StringComparison.OrdinalIgnoreCase);

    /// <summary>One result as "start-length:value", the same shape for expected and actual.</summary>
    private static string Show(int start, int length, string value) => $"{start}+{length}:{value}";

    private static string? Expected(string file, JsonElement r, string input)
    {
        var start = r.GetProperty("Start").GetInt32();
        var length = r.TryGetProperty("Length", out var l) ? l.GetInt32() : r.GetProperty("End").GetInt32() - start + 1;
        string V(JsonElement e, string p) => e.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "null";
        switch (file)
        {
            case "NumberModel":
                return Show(start, length, Num(ParseNumber(V(r.GetProperty("Resolution"), "value"))));
            case "PercentModel":
                return Show(start, length, Num(ParseNumber(V(r.GetProperty("Resolution"), "value").TrimEnd('%'))) + "%");
            case "CurrencyModel":
                return Show(start, length, (V(r.GetProperty("Resolution"), "value") is var cv && cv != "null" ? Num(ParseNumber(cv)) : "null") + " " + V(r.GetProperty("Resolution"), "unit"));
            case "NumberRangeModel":
            case "DimensionModel":
                return Show(start, length, "");
            case "DateParser":
                // a date without a year: the peer resolves it forward and back from the reference date, we take the
                // document's year; either of the peer's readings counts
                return string.Join(" || ", new[] { "FutureResolution", "PastResolution" }.Select(k => Show(start, length, V(r.GetProperty("Value").GetProperty(k), "date"))).Distinct());
            case "DatePeriodParser":
                return string.Join(" || ", new[] { "FutureResolution", "PastResolution" }.Select(k => r.GetProperty("Value").GetProperty(k))
                    .Select(fr => Show(start, length, V(fr, "startDate") + ".." + V(fr, "endDate"))).Distinct());
            default:
                return Show(start, length, "");
        }
    }

    private static List<string> Actual(string file, string input, JsonElement c)
    {
        var mapped = TextNormalizer.Fold(input, 0, input.Length);
        var year = c.TryGetProperty("Context", out var ctx) && DateTime.TryParse(ctx.GetProperty("ReferenceDateTime").GetString(), CultureInfo.InvariantCulture, out var rd) ? rd.Year : (int?)null;
        // dates without a year need one: the reference date's, else (extractor specs carry none) any year will do
        var context = new TimeContext(year ?? 2017, null);
        switch (file)
        {
            case "NumberModel":
                return NumberScanner.Read(mapped).Select(m => Show(m.Span.Start, m.Span.Length, Num(m.Value))).ToList();
            case "PercentModel":
                return QuantityReader.Read(mapped).Where(q => q.Kind == QuantityKind.Percent || q.Unit == "百分点")
                    .Select(q => Show(q.Span.Start, q.Span.Length, Num(q.Value) + "%")).ToList();
            case "CurrencyModel":
                return QuantityReader.Read(mapped).Where(q => q.Kind == QuantityKind.Money)
                    .Select(q => Show(q.Span.Start, q.Span.Length, Num(q.Value) + " " + CurrencyName(q.Unit))).ToList();
            case "NumberRangeModel":
                return QuantityReader.Read(mapped).Where(q => q.Bound is not Bound.Exact and not Bound.Approx).Select(q => Show(q.Span.Start, q.Span.Length, "")).ToList();
            case "DimensionModel":
                return QuantityReader.Read(mapped).Where(q => q.Kind == QuantityKind.Measure && Dimensions.Contains(q.Unit)).Select(q => Show(q.Span.Start, q.Span.Length, "")).ToList();
            case "SetExtractor":
            case "SetParser":
                return TimeReader.Read(mapped, context).Where(t => t.Recurrence is not null).Select(t => Show(t.Span.Start, t.Span.Length, "")).ToList();
            case "DateParser":
                return TimeReader.Read(mapped, context).Where(t => t.Recurrence is null)
                    .Select(t => Show(t.Span.Start, t.Span.Length, Iso(t.Start ?? t.End))).ToList();
            case "DatePeriodParser":
                // the peer's end is the last day where the range ends on a day (6月1日-6月30日), else the day after
                return TimeReader.Read(mapped, context).Where(t => t.Recurrence is null)
                    .Select(t => Show(t.Span.Start, t.Span.Length, Iso(t.Start) + ".." + Iso(t.Text.EndsWith('日') || t.Text.EndsWith('号') ? t.End : t.End?.AddDays(1)))).ToList();
            default:
                return TimeReader.Read(mapped, context).Where(t => t.Recurrence is null).Select(t => Show(t.Span.Start, t.Span.Length, "")).ToList();
        }
    }

    private static readonly HashSet<string> Dimensions = ["亩", "公斤", "千克", "克", "毫克", "微克", "吨", "斤", "米", "厘米", "毫米", "公分", "公里", "千米", "cm", "mm", "m", "km", "kg", "t", "平方米", "平方公里", "公顷", "立方米", "千瓦", "千瓦时", "兆瓦"];

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "null";

    private static string CurrencyName(string unit) => unit switch
    {
        "元" => "Chinese yuan",
        "美元" => "United States dollar",
        "欧元" => "Euro",
        "日元" => "Japanese yen",
        "港元" => "Hong Kong dollar",
        "台币" => "New Taiwan dollar",
        "瑞士法郎" => "Swiss franc",
        "英镑" => "British pound",
        "奈拉" => "Nigerian naira",
        "比特币" => "Bitcoin",
        "$" => "Dollar",
        _ => unit,
    };

    private static double ParseNumber(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A value compared to 12 significant digits (the peer prints doubles).</summary>
    private static string Num(double d) => d.ToString("G12", CultureInfo.InvariantCulture);

    private static string Num(decimal d) => Num((double)d);

    private sealed record OutOfScope(string File, int Case, string Input, string Reason)
    {
        public static IReadOnlyList<OutOfScope> Load()
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Specs", "quantities", "peer-out-of-scope.json");
            if (!System.IO.File.Exists(path))
            {
                return [];
            }

            using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(path));
            return doc.RootElement.GetProperty("cases").EnumerateArray()
                .Select(e => new OutOfScope(e.GetProperty("file").GetString()!, e.GetProperty("case").GetInt32(), e.GetProperty("input").GetString()!, e.GetProperty("reason").GetString()!))
                .ToList();
        }
    }
}
