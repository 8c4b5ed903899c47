using PolicyLedger.Benefits.Expressions;
using PolicyLedger.Benefits.Places;
using PolicyLedger.Benefits.Rules;
using PolicyLedger.Benefits.Scenarios;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Benefits.Calculation;

/// <summary>
/// Applies a rule set to a scenario at a date. For each rule: the applicant kind and the <c>requires</c> conditions
/// say whether the rule is about this applicant at all, and the place whether it is in the document's jurisdiction
/// (if not, the rule says nothing); then the windows, the narrower place and the <c>when</c> conditions give the
/// reasons it does not apply; else the formula gives the amount (the highest tier that holds, then the cap). Last,
/// within each 从高不重复 group only the highest entitlement per event stands. Pure: the date comes in, nothing is read
/// or printed, and the same rules on the same scenario give the same result.
/// </summary>
public sealed class BenefitCalculator(RuleSet rules, IClauseLocator? clauses = null)
{
    public RuleSet Rules => rules;

    public BenefitResult Evaluate(Scenario scenario, DateOnly asOf)
    {
        var events = scenario.Events.Where(e => e.Date <= asOf).ToList();
        var maps = events.Select(e => e.Fields).ToList();
        var evaluator = new Evaluator(rules.Places, rules.Terms, maps);
        var entitled = new List<(Entitlement Entitlement, BenefitRule Rule, int Order)>();
        var notEntitled = new List<(NotEntitled Result, BenefitRule Rule)>();
        var diagnostics = new List<BenefitDiagnostic>();
        var order = 0;
        foreach (var document in rules.Documents)
        {
            var docInfo = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["cite"] = document.Cite,
                ["date"] = document.Date,
                ["from"] = document.Validity.Start,
                ["to"] = document.Validity.End,
            };
            var baseScope = new Bindings(new Dictionary<string, object?>
            {
                ["profile"] = scenario.Profile,
                ["as_of"] = asOf,
                ["doc"] = docInfo,
                ["event"] = null,
                ["batch"] = new List<object?>(),
            });
            foreach (var rule in document.Rules)
            {
                try
                {
                    foreach (var outcome in EvaluateRule(rule, document, scenario, events, evaluator, baseScope))
                    {
                        if (outcome.Entitlement is { } e)
                        {
                            entitled.Add((e, rule, order++));
                        }
                        else if (outcome.NotEntitled is { } n)
                        {
                            notEntitled.Add((n, rule));
                        }
                    }
                }
                catch (EvaluationException e)
                {
                    diagnostics.Add(new BenefitDiagnostic(BenefitCodes.RuleEvaluationFailed, DiagnosticSeverity.Error, rule.File, rule.Line, 0, $"rules.{rule.Id}",
                        $"规则 {rule.Id}（{document.Cite} 第{rule.Item}条）无法计算：{e.Message}"));
                }
            }
        }

        var (kept, excluded) = HighestOnce(entitled, rules);
        var covered = kept.Select(k => (k.Document, k.Item, Key(k.Events)))
            .Concat(excluded.Select(x => (x.SetAside.Document, x.SetAside.Item, Key(x.SetAside.Events))))
            .ToHashSet();
        var groupCovered = kept.Where(k => k.Group is not null).Select(k => (k.Document, k.Group!, Key(k.Events))).ToHashSet();
        var misses = notEntitled
            .Where(n => !covered.Contains((n.Result.Document, n.Result.Item, Key(n.Result.Events))))
            .Where(n => n.Rule.Group is null || !groupCovered.Contains((n.Result.Document, n.Rule.Group, Key(n.Result.Events))))
            .Select(n => n.Result)
            .DistinctBy(n => (n.Document, n.Item, Key(n.Events), string.Join("|", n.Reasons.Select(r => r.Text))))
            .ToList();

        var total = kept.Where(k => k.Kind == AmountKind.Exact && k.Per is null && k.Amount is not null).Sum(k => k.Amount!.Value);
        var upTo = total + kept.Where(k => k.Kind == AmountKind.Max && k.Per is null && k.Amount is not null).Sum(k => k.Amount!.Value);
        return new BenefitResult(asOf, scenario.Id, kept, misses, excluded, Values.Normalize(total), Values.Normalize(upTo), diagnostics);
    }

    private static string Key(IReadOnlyList<string> events) => string.Join(",", events.Order(StringComparer.Ordinal));

    private sealed record Outcome(Entitlement? Entitlement, NotEntitled? NotEntitled);

    private IEnumerable<Outcome> EvaluateRule(BenefitRule rule, RuleDocument document, Scenario scenario, List<ScenarioEvent> events, Evaluator evaluator, Bindings baseScope)
    {
        if (rule.Applicants.Count > 0 && scenario.Profile.GetValueOrDefault("kind") is { } kind
            && !rule.Applicants.Any(a => rules.Terms.Says(kind, a)))
        {
            yield break;
        }

        // Candidates: the triggering events (or the profile) that the rule is about, inside the document's jurisdiction.
        var candidates = new List<(ScenarioEvent? Event, Bindings Scope, PlaceValue Place)>();
        var triggers = rule.OnProfile ? [null] : events.Where(e => rule.On.Contains(e.Type)).Cast<ScenarioEvent?>().ToList();
        foreach (var e in triggers)
        {
            var scope = Bind(rule, baseScope, e, e is null ? [] : [e], evaluator);
            if (!rule.Requires.All(r => evaluator.Test(r.Root, scope)))
            {
                continue;
            }

            var place = evaluator.Places.Resolve(evaluator.Evaluate(rule.Place.Root, scope));
            if (!evaluator.Places.Within(place, document.AppliesIn))
            {
                continue;
            }

            candidates.Add((e, scope, place));
        }

        if (candidates.Count == 0)
        {
            yield break;
        }

        if (rule.Combine is null)
        {
            foreach (var (e, scope, place) in candidates)
            {
                var reasons = WindowReasons(rule, document, scope, evaluator);

                // A measure the profile alone triggers is dated by the evaluation date, not by anything the applicant did:
                // outside its document's time it is simply not in force, not a near miss.
                if (e is null && reasons.Count > 0)
                {
                    continue;
                }

                yield return Decide(rule, document, e is null ? [] : [e.Id], scope, place, reasons, evaluator);
            }

            yield break;
        }

        // Combined rules: events outside the windows drop out; the rest are taken together per year (or all at once).
        var inside = new List<(ScenarioEvent Event, PlaceValue Place)>();
        var outside = new List<(ScenarioEvent Event, List<Reason> Reasons)>();
        foreach (var (e, scope, place) in candidates)
        {
            var reasons = WindowReasons(rule, document, scope, evaluator);
            if (reasons.Count == 0)
            {
                inside.Add((e!, place));
            }
            else
            {
                outside.Add((e!, reasons));
            }
        }

        if (inside.Count == 0)
        {
            var all = outside.SelectMany(o => o.Reasons).DistinctBy(r => r.Text).ToList();
            yield return new Outcome(null, new NotEntitled(rule.Id, document.Cite, rule.Item, outside.Select(o => o.Event.Id).ToList(), rule.Benefit, all, Clause(rule, document)));
            yield break;
        }

        foreach (var batch in inside.GroupBy(x => rule.Combine == "year" ? x.Event.Date.Year : 0).OrderBy(g => g.Key))
        {
            var batchEvents = batch.Select(x => x.Event).ToList();
            var scope = Bind(rule, baseScope, batchEvents[0], batchEvents, evaluator);
            yield return Decide(rule, document, batchEvents.Select(x => x.Id).ToList(), scope, batch.First().Place, [], evaluator);
        }
    }

    private static Bindings Bind(BenefitRule rule, Bindings baseScope, ScenarioEvent? e, IReadOnlyList<ScenarioEvent> batch, Evaluator evaluator)
    {
        var scope = new Bindings(new Dictionary<string, object?>
        {
            ["event"] = e?.Fields,
            ["batch"] = batch.Select(b => (object?)b.Fields).ToList(),
        }, baseScope);
        foreach (var binding in rule.Let)
        {
            scope = scope.With(binding.Name, evaluator.Evaluate(binding.Value.Root, scope));
        }

        return scope;
    }

    private static List<Reason> WindowReasons(BenefitRule rule, RuleDocument document, Bindings scope, Evaluator evaluator)
    {
        var reasons = new List<Reason>();
        foreach (var window in rule.Windows)
        {
            var value = evaluator.Evaluate(window.Date.Root, scope);
            var period = Values.AsPeriod(value);
            if (period is null)
            {
                if (!window.Optional)
                {
                    reasons.Add(new Reason(ReasonCodes.ConditionUnmet, $"未给出{window.Label}，无法确定是否在期限内"));
                }

                continue;
            }

            var afterStart = window.From is not { } from || period.Start >= from;
            var beforeEnd = window.To is not { } to || period.End <= to;
            if (afterStart && beforeEnd)
            {
                continue;
            }

            var span = (window.From, window.To) switch
            {
                ({ } f, { } t) => $"{Values.Format(f)}至{Values.Format(t)}",
                ({ } f, null) => $"{Values.Format(f)}起",
                (null, { } t) => $"{Values.Format(t)}前（含）",
                _ => string.Empty,
            };
            var shown = period.Start == period.End ? Values.Format(period.Start) : period.ToString();
            if (window.IsValidity)
            {
                reasons.Add(beforeEnd
                    ? new Reason(window.Code ?? ReasonCodes.NotYetInForce, $"{window.Label}{shown}早于{document.Cite}的施行日期（有效期{span}）")
                    : new Reason(window.Code ?? ReasonCodes.Expired, $"{window.Label}{shown}晚于{document.Cite}的有效期（{span}），政策已过期"));
            }
            else
            {
                reasons.Add(new Reason(window.Code ?? ReasonCodes.OutsideWindow, $"{window.Label}{shown}不在{span}之内"));
            }
        }

        return reasons;
    }

    private Outcome Decide(BenefitRule rule, RuleDocument document, IReadOnlyList<string> eventIds, Bindings scope, PlaceValue place, List<Reason> reasons, Evaluator evaluator)
    {
        if (rule.Within.Count > 0 && !evaluator.Places.Within(place, rule.Within))
        {
            var areas = rule.Within.Select(w => evaluator.Places.Areas.TryGetValue(w, out var members) ? $"{w}（{string.Join("、", members)}）" : w);
            reasons.Insert(0, new Reason(ReasonCodes.WrongPlace, $"{place}不在{string.Join("、", areas)}之内"));
        }

        foreach (var condition in rule.When)
        {
            if (!evaluator.Test(condition.Test.Root, scope))
            {
                reasons.Add(new Reason(condition.Code, Render(condition.Reason, scope, evaluator)));
            }
        }

        if (reasons.Count > 0)
        {
            return Miss(rule, document, eventIds, reasons);
        }

        var spec = rule.Amount;
        var kind = spec.KindExpression is { } ke && evaluator.Evaluate(ke.Root, scope) is string k ? RuleFileReader.ParseKind(k) : spec.Kind;
        var explain = spec.Explain is { } ex ? Render(ex, scope, evaluator) : null;
        decimal? amount = null;
        string? quote = null;
        var arithmetic = new List<string>();
        if (spec.Tiers.Count > 0)
        {
            var holding = spec.Tiers
                .Where(t => t.When is null || evaluator.Test(t.When.Root, scope))
                .Select(t => (Tier: t, Value: evaluator.Evaluate(t.Value.Root, scope) as decimal?))
                .ToList();
            if (holding.Count == 0)
            {
                return Miss(rule, document, eventIds, [new Reason(spec.NoTier!.Code, Render(spec.NoTier.Reason, scope, evaluator))]);
            }

            var best = holding.OrderByDescending(h => h.Value ?? decimal.MinValue).First();
            amount = best.Value;
            quote = best.Tier.Quote;
            var rendered = ExprRenderer.Render(best.Tier.Value.Root, evaluator, scope);
            arithmetic.Add(rendered == Values.Format(amount) ? $"{best.Tier.Label} → {Values.Format(amount)}" : $"{best.Tier.Label} → {rendered} = {Values.Format(amount)}");
            if (holding.Count > 1)
            {
                arithmetic.Add($"各档不累加，{string.Join("、", holding.Where(h => h != best).Select(h => $"{h.Tier.Label}（{Values.Format(h.Value)}）"))}不另计");
            }
        }
        else if (spec.Value is { } formula)
        {
            amount = evaluator.Evaluate(formula.Root, scope) as decimal?;
            var rendered = ExprRenderer.Render(formula.Root, evaluator, scope);
            if (amount is not null)
            {
                arithmetic.Add(rendered == Values.Format(amount) ? Values.Format(amount) : $"{rendered} = {Values.Format(amount)}");
            }
        }

        var monetary = kind is not (AmountKind.NotStated or AmountKind.NonMonetary);
        if (monetary && amount is null)
        {
            return Miss(rule, document, eventIds, [new Reason(ReasonCodes.ConditionUnmet, $"缺少计算金额所需的事实（{spec.Value?.Text ?? string.Join("；", spec.Tiers.Select(t => t.Value.Text))}）")]);
        }

        if (amount is { } raw && spec.Cap is { } capExpr && evaluator.Evaluate(capExpr.Root, scope) is decimal cap)
        {
            var capName = spec.CapLabel ?? "上限";
            if (raw > cap)
            {
                amount = cap;
                arithmetic.Add($"超过{capName}{Values.Format(cap)}，按{Values.Format(cap)}计");
            }
            else
            {
                arithmetic.Add($"{Values.Format(raw)} ≤ {Values.Format(cap)}，未超过{capName}");
            }
        }

        if (amount is { } unrounded)
        {
            amount = Values.RoundMoney(unrounded);
            if (amount != Values.Normalize(unrounded))
            {
                arithmetic.Add($"四舍五入到分：{Values.Format(amount)}");
            }
        }

        if (!monetary)
        {
            amount = null;
        }

        var shares = new List<PayerPart>();
        if (amount is { } total && rule.Shares.Count > 0)
        {
            var assigned = 0m;
            for (var i = 0; i < rule.Shares.Count; i++)
            {
                var share = rule.Shares[i];
                var part = evaluator.Evaluate(share.Part.Root, scope) as decimal? ?? 0m;
                var value = i == rule.Shares.Count - 1 ? total - assigned : Values.RoundMoney(total * part);
                assigned += value;
                shares.Add(new PayerPart(Render(share.Payer, scope, evaluator), Values.Normalize(value)));
            }

            arithmetic.Add(string.Join(" + ", shares.Select(s => $"{s.Payer}{Values.Money(s.Amount)}")));
        }

        if (explain is not null)
        {
            arithmetic.Add(explain);
        }

        if (arithmetic.Count == 0)
        {
            arithmetic.Add(kind == AmountKind.NotStated ? "符合条件，文件未载明金额" : rule.Benefit);
        }

        var payer = Render(rule.Payer, scope, evaluator);
        if (shares.Count > 0)
        {
            payer = $"{string.Join(" + ", shares.Select(s => $"{s.Payer} {Values.Money(s.Amount)}"))}（{payer}）";
        }

        var entitlement = new Entitlement(rule.Id, document.Cite, rule.Item, eventIds, rule.Benefit, amount is null ? null : Values.Normalize(amount.Value), kind, rule.Amount.Per,
            payer, shares, string.Join("；", arithmetic), Clause(rule, document, quote), rule.AlsoItems, rule.Group);
        return new Outcome(entitlement, null);
    }

    private Outcome Miss(BenefitRule rule, RuleDocument document, IReadOnlyList<string> eventIds, List<Reason> reasons) =>
        new(null, new NotEntitled(rule.Id, document.Cite, rule.Item, eventIds, rule.Benefit, reasons, Clause(rule, document)));

    private ClauseCitation Clause(BenefitRule rule, RuleDocument document, string? quote = null) =>
        new(quote ?? rule.Quote, clauses?.Locate(document, quote ?? rule.Quote), rule.QuoteItem);

    private static string Render(Template template, Bindings scope, Evaluator evaluator) => string.Concat(template.Parts.Select(p =>
        p.Expression is null ? p.Literal : Values.Format(evaluator.Evaluate(p.Expression.Root, scope))));

    /// <summary>从高不重复: within a group, for the same event(s), the highest amount stands (ties: the higher priority, then the first).</summary>
    private static (List<Entitlement> Kept, List<Exclusion> Excluded) HighestOnce(List<(Entitlement Entitlement, BenefitRule Rule, int Order)> all, RuleSet rules)
    {
        var kept = new List<(Entitlement Entitlement, int Order)>();
        var excluded = new List<Exclusion>();
        foreach (var bunch in all.GroupBy(x => x.Rule.Group is null ? $"#{x.Order}" : $"{x.Entitlement.Document}|{x.Rule.Group}|{Key(x.Entitlement.Events)}"))
        {
            var ranked = bunch
                .OrderByDescending(x => x.Entitlement.Amount ?? decimal.MinValue)
                .ThenByDescending(x => x.Rule.Priority)
                .ThenBy(x => x.Order)
                .ToList();
            var winner = ranked[0];
            kept.Add((winner.Entitlement, winner.Order));
            // Two standards of one item for the same event (三政办 （二）'s two VAT exemptions) are one measure: the
            // lower is dropped without being listed as set aside.
            foreach (var loser in ranked.Skip(1).Where(l => l.Entitlement.Item != winner.Entitlement.Item))
            {
                var document = rules.Documents.First(d => d.Cite == loser.Entitlement.Document);
                var group = document.Groups[loser.Rule.Group!];
                var why = $"从高不重复：{Describe(winner.Entitlement)}高于或等于{Describe(loser.Entitlement)}，只按最高的一项支持一次（{document.Cite} {group.Item}：{group.Quote}）";
                excluded.Add(new Exclusion(loser.Entitlement, winner.Entitlement, why));
            }
        }

        return (kept.OrderBy(k => k.Order).Select(k => k.Entitlement).ToList(), excluded);
    }

    private static string Describe(Entitlement e) =>
        $"{(e.Item.All(char.IsAsciiDigit) ? $"第{e.Item}条" : e.Item)}{(e.Amount is { } a ? $"（{Values.Money(a)}元）" : string.Empty)}";
}
