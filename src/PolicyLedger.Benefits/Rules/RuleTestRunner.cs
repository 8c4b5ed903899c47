using PolicyLedger.Benefits.Calculation;
using PolicyLedger.Benefits.Expressions;
using PolicyLedger.Benefits.Scenarios;

namespace PolicyLedger.Benefits.Rules;

/// <summary>The outcome of one test case of one rule.</summary>
public sealed record RuleTestOutcome(BenefitRule Rule, RuleTest Test, bool Passed, string Message)
{
    public string Name => $"{Rule.Document}/{Rule.Id}: {Test.Name}";
}

/// <summary>
/// Runs the rules' own test cases (inputs → expected amount, or the reasons, or the rule that wins): each case is a
/// small scenario evaluated with the whole rule set, and the expectation is checked against what this rule gave.
/// </summary>
public static class RuleTestRunner
{
    public static IReadOnlyList<RuleTestOutcome> Run(RuleSet rules) =>
        rules.Rules.SelectMany(rule => rule.Tests.Select(test => Run(rules, rule, test))).ToList();

    public static RuleTestOutcome Run(RuleSet rules, BenefitRule rule, RuleTest test)
    {
        var load = new ScenarioReader().Read(test.Scenario, $"{rule.File}（规则 {rule.Id} 的测试“{test.Name}”）");
        if (load.HasErrors || load.Scenarios.Count != 1)
        {
            return new RuleTestOutcome(rule, test, false, "测试用例的情形有误：" + string.Join("；", load.Diagnostics.Where(d => d.IsError)));
        }

        var scenario = load.Scenarios[0];
        var asOf = scenario.AsOf ?? (scenario.Events.Count > 0 ? scenario.Events.Max(e => e.Date) : new DateOnly(2023, 12, 31));
        var result = new BenefitCalculator(rules).Evaluate(scenario, asOf);
        if (result.Diagnostics.Count > 0)
        {
            return new RuleTestOutcome(rule, test, false, string.Join("；", result.Diagnostics));
        }

        var mine = result.Entitled.Where(e => e.RuleId == rule.Id && e.Document == Cite(rules, rule)).ToList();
        var misses = result.NotEntitled.Where(n => n.RuleId == rule.Id && n.Document == Cite(rules, rule)).ToList();
        var excluded = result.Excluded.Where(x => x.SetAside.RuleId == rule.Id && x.SetAside.Document == Cite(rules, rule)).ToList();
        var expect = test.Expect;
        var got = Describe(mine, misses, excluded);
        if (expect.ExcludedBy is { } by)
        {
            return excluded.Any(x => x.By.Item == by)
                ? Pass(rule, test)
                : Fail(rule, test, $"应被第{by}条按从高不重复取代，实际：{got}");
        }

        if (expect.Silent)
        {
            return mine.Count == 0 && misses.Count == 0 && excluded.Count == 0
                ? Pass(rule, test)
                : Fail(rule, test, $"这条规则应与此情形无关（不列出），实际：{got}");
        }

        if (expect.Entitled)
        {
            if (mine.Count != 1)
            {
                return Fail(rule, test, $"应有一项享受，实际：{got}");
            }

            var e = mine[0];
            if (expect.AmountGiven && e.Amount != expect.Amount)
            {
                return Fail(rule, test, $"金额应为 {Values.Format(expect.Amount)}，实际 {Values.Format(e.Amount)}（{e.Arithmetic}）");
            }

            if (expect.Kind is { } kind && e.Kind != kind)
            {
                return Fail(rule, test, $"金额性质应为 {kind}，实际 {e.Kind}");
            }

            if (expect.PayerContains is { } payer && !e.Payer.Contains(payer, StringComparison.Ordinal))
            {
                return Fail(rule, test, $"出资方应含“{payer}”，实际“{e.Payer}”");
            }

            return Pass(rule, test);
        }

        if (expect.Reasons.Count > 0)
        {
            if (mine.Count > 0 || misses.Count == 0)
            {
                return Fail(rule, test, $"应不能享受（{string.Join("、", expect.Reasons)}），实际：{got}");
            }

            var codes = misses.SelectMany(m => m.Reasons.Select(r => r.Code)).ToHashSet(StringComparer.Ordinal);
            var missing = expect.Reasons.Where(r => !codes.Contains(r)).ToList();
            return missing.Count == 0
                ? Pass(rule, test)
                : Fail(rule, test, $"缺少原因 {string.Join("、", missing)}，实际：{got}");
        }

        return Fail(rule, test, "测试用例没有说明期望的结果");
    }

    private static string Cite(RuleSet rules, BenefitRule rule) => rules.Document(rule.Document)?.Cite ?? rule.Document;

    private static string Describe(List<Entitlement> mine, List<NotEntitled> misses, List<Exclusion> excluded)
    {
        var parts = mine.Select(e => $"享受 {Values.Format(e.Amount)}（{e.Kind}；{e.Arithmetic}）")
            .Concat(misses.Select(m => $"不能享受：{string.Join("；", m.Reasons)}"))
            .Concat(excluded.Select(x => $"被第{x.By.Item}条取代"))
            .ToList();
        return parts.Count == 0 ? "（未列出）" : string.Join(" | ", parts);
    }

    private static RuleTestOutcome Pass(BenefitRule rule, RuleTest test) => new(rule, test, true, "通过");

    private static RuleTestOutcome Fail(BenefitRule rule, RuleTest test, string message) => new(rule, test, false, message);
}
