using PolicyLedger.Benefits.Calculation;
using PolicyLedger.Benefits.Quotes;
using PolicyLedger.Benefits.Rules;
using PolicyLedger.Benefits.Scenarios;

namespace PolicyLedger.Benefits;

/// <summary>
/// The benefit finder as one service for the CLI and the web application: a rule set (loaded once, immutable), the
/// documents' texts for clause spans, and an evaluation that takes a parsed scenario and the date and returns the result
/// the JSON and the table are written from. Never reads the clock (today comes in) and never prints.
/// </summary>
public sealed class BenefitsService(RuleSet rules, DocumentTextIndex? texts = null)
{
    private readonly BenefitCalculator _calculator = new(rules, texts);

    public RuleSet Rules => rules;

    public DocumentTextIndex Texts => texts ?? DocumentTextIndex.Empty;

    /// <summary>Reads scenario YAML (a file's text or what a form produced); errors name the field.</summary>
    public static ScenarioLoad ReadScenarios(string yaml, string name = "(情形)") => new ScenarioReader().Read(yaml, name);

    /// <summary>
    /// Evaluates a scenario at <paramref name="asOf"/> if given, else at the scenario's own as_of, else at
    /// <paramref name="today"/> (the caller's date in China).
    /// </summary>
    public BenefitResult Evaluate(Scenario scenario, DateOnly? asOf, DateOnly today)
    {
        var date = asOf ?? scenario.AsOf ?? today;
        var result = _calculator.Evaluate(scenario, date);
        var late = scenario.Events.Where(e => e.Date > date).ToList();
        if (late.Count == 0 || scenario.AsOf == date)
        {
            return result;
        }

        // Events after the evaluation date are not counted; say so when the date came from the caller.
        var notes = late.Select(e => new BenefitDiagnostic(BenefitCodes.EventAfterAsOf, Reading.Syntax.DiagnosticSeverity.Warning, scenario.File, e.Line, 0,
            $"events[{e.Id}]", $"事件 {e.Id} 的日期 {e.Date:yyyy-MM-dd} 晚于评估日 {date:yyyy-MM-dd}，评估时不计"));
        return result with { Diagnostics = [.. result.Diagnostics, .. notes] };
    }

    /// <summary>Validates every rule file and runs the rules' own test cases and the quote check.</summary>
    public RuleCheck Check()
    {
        var tests = RuleTestRunner.Run(rules);
        var quotes = QuoteChecker.Check(rules, Texts);
        return new RuleCheck(rules, tests, quotes);
    }
}

/// <summary>What <c>rules check</c> found: the rule files' own problems, the test cases' outcomes and the quote check.</summary>
public sealed record RuleCheck(RuleSet Rules, IReadOnlyList<RuleTestOutcome> Tests, QuoteReport Quotes)
{
    public IEnumerable<BenefitDiagnostic> Diagnostics => Rules.Diagnostics.Concat(Quotes.Diagnostics);

    public bool Passed => !Diagnostics.Any(d => d.IsError) && Tests.All(t => t.Passed);
}
