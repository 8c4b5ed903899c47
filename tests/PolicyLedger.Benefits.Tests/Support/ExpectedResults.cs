using System.Globalization;
using PolicyLedger.Benefits.Calculation;
using PolicyLedger.Benefits.Expressions;
using PolicyLedger.Benefits.Rules;
using YamlDotNet.RepresentationModel;

namespace PolicyLedger.Benefits.Tests.Support;

/// <summary>One expected entitlement of a scenario file (the form of ../shared/gold/benefits_examples.yaml).</summary>
public sealed record ExpectedEntitlement(string Document, string Item, IReadOnlyList<string> Events, decimal? Amount, string Kind, string? Clause, string? Per);

/// <summary>One expected "not entitled": document, item and the reason code it must carry (where the file says one).</summary>
public sealed record ExpectedMiss(string Document, string Item, string Reason, string? Code);

/// <summary>One expected exclusion by 从高不重复.</summary>
public sealed record ExpectedExclusion(string Document, string Item, string ByItem);

/// <summary>What a scenario of a scenario file expects: read from its expected, not_entitled, excluded and total_exact.</summary>
public sealed record ExpectedResult(
    string Id,
    IReadOnlyList<ExpectedEntitlement> Entitled,
    IReadOnlyList<ExpectedMiss> NotEntitled,
    IReadOnlyList<ExpectedExclusion> Excluded,
    decimal? TotalExact)
{
    /// <summary>Reads the expectations of every scenario of a file, by scenario id.</summary>
    public static IReadOnlyDictionary<string, ExpectedResult> Read(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var scenarios = root.Children.TryGetValue(new YamlScalarNode("scenarios"), out var list) ? ((YamlSequenceNode)list).Children.Cast<YamlMappingNode>() : [root];
        return scenarios.Select(Read).ToDictionary(r => r.Id);
    }

    private static ExpectedResult Read(YamlMappingNode s)
    {
        string? Text(YamlMappingNode m, string key) => m.Children.TryGetValue(new YamlScalarNode(key), out var n) && n is YamlScalarNode v && v.Value is not (null or "~" or "null") ? v.Value : null;
        IReadOnlyList<string> Events(YamlMappingNode m) => m.Children.TryGetValue(new YamlScalarNode("event"), out var n)
            ? n is YamlSequenceNode seq ? seq.Children.Select(c => ((YamlScalarNode)c).Value!).ToList() : Text(m, "event") is { } one ? [one] : []
            : [];
        IEnumerable<YamlMappingNode> Entries(string key) => s.Children.TryGetValue(new YamlScalarNode(key), out var n) && n is YamlSequenceNode seq ? seq.Children.Cast<YamlMappingNode>() : [];

        var entitled = Entries("expected").Select(e => new ExpectedEntitlement(
            Text(e, "document")!,
            Text(e, "item")!,
            Events(e),
            Text(e, "amount") is { } a ? decimal.Parse(a, CultureInfo.InvariantCulture) : null,
            Text(e, "amount_kind") ?? "exact",
            Text(e, "clause"),
            Text(e, "per"))).ToList();
        var misses = Entries("not_entitled").Select(e => new ExpectedMiss(Text(e, "document")!, Text(e, "item") ?? string.Empty, Text(e, "reason") ?? string.Empty, Text(e, "code"))).ToList();
        var excluded = Entries("excluded").Select(e => new ExpectedExclusion(Text(e, "document")!, Text(e, "item")!,
            e.Children.TryGetValue(new YamlScalarNode("by"), out var by) && by is YamlMappingNode bm ? Text(bm, "item")! : Text(e, "by")!)).ToList();
        return new ExpectedResult(Text(s, "id") ?? "(单个情形)", entitled, misses, excluded,
            Text(s, "total_exact") is { } t ? decimal.Parse(t, CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The differences between this expectation and a result, as sentences; empty when they agree.</summary>
    /// <param name="strictMisses">Also report a "not entitled" the expectation does not list (for our own scenarios).</param>
    public IReadOnlyList<string> Compare(BenefitResult result, bool checkClauses = true, bool strictMisses = false)
    {
        var problems = new List<string>();
        var unmatched = result.Entitled.ToList();
        foreach (var e in Entitled)
        {
            var found = unmatched.FirstOrDefault(r => r.Document == e.Document && r.Item == e.Item && SameEvents(r.Events, e.Events)
                && r.Amount == e.Amount && Kind(r.Kind) == e.Kind
                && (!checkClauses || e.Clause is null || r.Clause.Text == e.Clause));
            if (found is null)
            {
                var near = result.Entitled.Where(r => r.Document == e.Document && r.Item == e.Item).Select(Describe).ToList();
                problems.Add($"缺少享受项 {e.Document} 第{e.Item}条 事件{string.Join(",", e.Events)} 金额{Values.Format(e.Amount)} {e.Kind}" +
                    (near.Count > 0 ? $"；同条目的实际结果：{string.Join(" | ", near)}" : string.Empty));
                continue;
            }

            unmatched.Remove(found);
        }

        problems.AddRange(unmatched.Select(u => $"多出享受项（文件并未给予）：{Describe(u)}"));
        foreach (var m in NotEntitled)
        {
            var found = result.NotEntitled.Where(r => r.Document == m.Document && r.Item == m.Item).ToList();
            if (found.Count == 0)
            {
                problems.Add($"缺少不能享受项 {m.Document} 第{m.Item}条（{m.Reason}）");
            }
            else if (m.Code is { } code && !found.Any(f => f.Reasons.Any(r => r.Code == code)))
            {
                problems.Add($"{m.Document} 第{m.Item}条的原因应含 {code}，实际：{string.Join("；", found.SelectMany(f => f.Reasons))}");
            }
        }

        if (strictMisses)
        {
            problems.AddRange(result.NotEntitled
                .Where(r => !NotEntitled.Any(m => m.Document == r.Document && m.Item == r.Item))
                .Select(r => $"多出不能享受项：{r.Document} 第{r.Item}条：{string.Join("；", r.Reasons)}"));
            problems.AddRange(result.Excluded
                .Where(r => !Excluded.Any(x => x.Document == r.SetAside.Document && x.Item == r.SetAside.Item))
                .Select(r => $"多出从高不重复的取代：{r.SetAside.Document} 第{r.SetAside.Item}条"));
        }

        foreach (var x in Excluded)
        {
            if (!result.Excluded.Any(r => r.SetAside.Document == x.Document && r.SetAside.Item == x.Item && r.By.Item == x.ByItem))
            {
                problems.Add($"缺少从高不重复的取代：{x.Document} 第{x.Item}条被第{x.ByItem}条取代");
            }
        }

        if (TotalExact is { } total && result.Total != total)
        {
            problems.Add($"合计应为 {Values.Format(total)}，实际 {Values.Format(result.Total)}");
        }

        return problems;
    }

    public static string Kind(AmountKind kind) => kind switch
    {
        AmountKind.Max => "max",
        AmountKind.Min => "min",
        AmountKind.NotStated => "not_stated",
        AmountKind.NonMonetary => "non_monetary",
        _ => "exact",
    };

    private static bool SameEvents(IReadOnlyList<string> actual, IReadOnlyList<string> expected) =>
        expected.Count == 0 || actual.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal));

    private static string Describe(Entitlement e) =>
        $"{e.Document} 第{e.Item}条 事件{string.Join(",", e.Events)} {Values.Format(e.Amount)} {Kind(e.Kind)}（{e.Arithmetic}）";
}
