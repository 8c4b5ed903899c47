using CsCheck;
using Xunit.Abstractions;
using PolicyLedger.Benefits.Calculation;
using PolicyLedger.Benefits.Expressions;
using PolicyLedger.Benefits.Json;
using PolicyLedger.Benefits.Rules;
using PolicyLedger.Benefits.Scenarios;
using PolicyLedger.Benefits.Tests.Support;

namespace PolicyLedger.Benefits.Tests;

/// <summary>
/// Properties of the calculator over every shipped rule, with the rules' own positive test cases as seeds: an amount
/// never exceeds its cap; moving the event one day (or more) outside its window removes the entitlement; applying the
/// same rules twice gives the same result.
/// </summary>
public sealed class PropertyTests(ITestOutputHelper log)
{
    private sealed record Case(BenefitRule Rule, Scenario Scenario, Entitlement Entitlement);

    private static readonly Lazy<IReadOnlyList<Case>> Positives = new(() =>
    {
        var cases = new List<Case>();
        foreach (var rule in RuleFiles.Rules.Rules)
        {
            foreach (var test in rule.Tests.Where(t => t.Expect.Entitled))
            {
                var scenario = new ScenarioReader().Read(test.Scenario, rule.File).Scenarios.Single();
                var result = Calculate(scenario, scenario.AsOf ?? scenario.Events.Max(e => e.Date));
                if (result.Entitled.SingleOrDefault(e => e.RuleId == rule.Id && e.Document == Cite(rule)) is { } entitlement)
                {
                    cases.Add(new Case(rule, scenario with { AsOf = scenario.AsOf ?? (scenario.Events.Count > 0 ? scenario.Events.Max(e => e.Date) : null) }, entitlement));
                }
            }
        }

        return cases;
    });

    private static string Cite(BenefitRule rule) => RuleFiles.Rules.Document(rule.Document)!.Cite;

    private static BenefitResult Calculate(Scenario scenario, DateOnly asOf) => new BenefitCalculator(RuleFiles.Rules).Evaluate(scenario, asOf);

    private static Scenario WithField(Scenario scenario, string eventId, string field, object? value)
    {
        var events = scenario.Events.Select(e =>
        {
            if (e.Id != eventId)
            {
                return e;
            }

            var fields = new Dictionary<string, object?>(e.Fields, StringComparer.Ordinal) { [field] = value };
            return e with { Fields = fields, Date = field == "date" && value is DateOnly d ? d : e.Date };
        }).ToList();
        return scenario with { Events = events };
    }

    [Fact]
    public void Every_rule_has_a_positive_case_to_seed_the_properties() =>
        Assert.Empty(RuleFiles.Rules.Rules.Where(r => !Positives.Value.Any(c => c.Rule == r)).Select(r => $"{r.Document}/{r.Id}"));

    [Fact]
    public void An_amount_never_exceeds_its_cap()
    {
        var capped = Positives.Value.Where(c => c.Rule.Amount.Cap?.Root is LiteralExpr { Value: decimal } && c.Entitlement.Events.Count == 1).ToList();
        Assert.True(capped.Count >= 15, $"{capped.Count} capped cases");
        log.WriteLine($"{capped.Count} capped cases of {capped.Select(c => c.Rule).Distinct().Count()} rules, 2000 random runs");
        var gen = Gen.Select(Gen.Int[0, capped.Count - 1], Gen.Int[0, 2_000_000], Gen.Int[0, 6]);
        gen.Sample((index, factor, scale) =>
        {
            var c = capped[index];
            var cap = (decimal)((LiteralExpr)c.Rule.Amount.Cap!.Root).Value!;
            var trigger = c.Scenario.Events.Single(e => e.Id == c.Entitlement.Events[0]);
            var scenario = c.Scenario;
            foreach (var (field, value) in trigger.Fields.Where(f => f.Value is decimal && f.Key is not ("count" or "tourists" or "units")))
            {
                // Money fields scaled from nothing to many times their size (factor / 10^scale, up to 2 000 000×).
                scenario = WithField(scenario, trigger.Id, field, Values.RoundMoney((decimal)value! * factor / (decimal)Math.Pow(10, scale)));
            }

            foreach (var e in Calculate(scenario, scenario.AsOf!.Value).Entitled.Where(e => e.RuleId == c.Rule.Id && e.Amount is not null))
            {
                Assert.True(e.Amount <= cap, $"{c.Rule.Document}/{c.Rule.Id}: {e.Amount} > {cap} ({e.Arithmetic})");
            }
        }, iter: 2_000);
    }

    /// <summary>
    /// The field of the triggering event a window reads its date from (event.date, or the first of coalesce(event.a,
    /// event.b) that the event gives), when it is a date field; null when the date comes from elsewhere (a period, a
    /// linked event).
    /// </summary>
    private static string? WindowField(RuleWindow window, ScenarioEvent trigger)
    {
        static string? Field(Expr e) => e switch
        {
            MemberExpr { Target: NameExpr { Name: "event" }, Name: var f } => f,
            CallExpr { Arguments: [MemberExpr { Target: NameExpr { Name: "event" }, Name: var f }, ..] } => f,
            _ => null,
        };

        var arguments = window.Date.Root is CallExpr { Function: "coalesce" } c ? c.Arguments : [window.Date.Root];
        foreach (var argument in arguments)
        {
            if (Field(argument) is not { } field)
            {
                return null;
            }

            if (trigger.Fields.GetValueOrDefault(field) is { } value)
            {
                return argument is MemberExpr && value is DateOnly ? field : null;
            }
        }

        return null;
    }

    [Fact]
    public void Moving_an_event_one_day_outside_its_window_removes_the_entitlement()
    {
        var cases = Positives.Value
            .Where(c => c.Rule.Combine is null && c.Entitlement.Events.Count == 1)
            .SelectMany(c => c.Rule.Windows.Select(w => (Case: c, Window: w, Field: WindowField(w, c.Scenario.Events.Single(e => e.Id == c.Entitlement.Events[0])))))
            .Where(x => x.Field is not null && (x.Window.From is not null || x.Window.To is not null))
            .ToList();
        Assert.True(cases.Count >= 60, $"{cases.Count} window cases");
        var rulesCovered = cases.Select(x => x.Case.Rule).Distinct().Count();
        Assert.True(rulesCovered >= 50, $"{rulesCovered} rules");
        log.WriteLine($"{cases.Count} windows of {rulesCovered} rules: each moved one day out on both sides, then 1000 random moves of 1–800 days");

        void Check((Case Case, RuleWindow Window, string? Field) x, int days, bool after)
        {
            var (c, window, field) = x;
            var date = after ? window.To?.AddDays(days) : window.From?.AddDays(-days);
            if (date is not { } moved)
            {
                return;
            }

            var eventId = c.Entitlement.Events[0];
            var scenario = WithField(c.Scenario, eventId, field!, moved);
            var asOf = new[] { c.Scenario.AsOf!.Value, moved, scenario.Events.Max(e => e.Date) }.Max();
            var result = Calculate(scenario, asOf);
            Assert.False(
                result.Entitled.Any(e => e.RuleId == c.Rule.Id && e.Events.Contains(eventId)),
                $"{c.Rule.Document}/{c.Rule.Id}: {field} moved to {moved:yyyy-MM-dd} ({(after ? "after" : "before")} {window.Label} {window.From}..{window.To}) still entitled");
        }

        foreach (var x in cases)
        {
            Check(x, 1, after: true);
            Check(x, 1, after: false);
        }

        Gen.Select(Gen.Int[0, cases.Count - 1], Gen.Int[1, 800], Gen.Bool).Sample((i, days, after) => Check(cases[i], days, after), iter: 1_000);
    }

    [Fact]
    public void Applying_the_same_rules_twice_gives_the_same_result()
    {
        var scenarios = Positives.Value.Select(c => c.Scenario)
            .Concat(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Scenarios"), "*.yaml").SelectMany(f => new ScenarioReader().ReadFile(f).Scenarios))
            .ToList();
        log.WriteLine($"{scenarios.Count} scenarios, 500 random event subsets, each evaluated three times");
        var reloaded = new BenefitCalculator(RuleSetLoader.Load(RuleFiles.Folder()));
        var once = new BenefitCalculator(RuleFiles.Rules);
        Gen.Select(Gen.Int[0, scenarios.Count - 1], Gen.Long).Sample((index, mask) =>
        {
            var s = scenarios[index];
            var subset = s with { Events = s.Events.Where((_, i) => (mask >> (i % 64) & 1) == 1).ToList() };
            var asOf = s.AsOf ?? new DateOnly(2023, 12, 31);
            var first = BenefitResultJson.Serialize(once.Evaluate(subset, asOf));
            Assert.Equal(first, BenefitResultJson.Serialize(once.Evaluate(subset, asOf)));
            Assert.Equal(first, BenefitResultJson.Serialize(reloaded.Evaluate(subset, asOf)));
        }, iter: 500);
    }
}
