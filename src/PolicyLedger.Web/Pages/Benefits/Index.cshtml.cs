using Microsoft.AspNetCore.Mvc;
using PolicyLedger.Benefits.Calculation;
using PolicyLedger.Benefits.Rules;
using PolicyLedger.Benefits.Scenarios;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Web.Benefits;

namespace PolicyLedger.Web.Pages.Benefits;

/// <summary>
/// 惠企: staff fill in an applicant's profile and dated events and see what <c>policyledger benefits</c> gives for the
/// same scenario (<see cref="BenefitFinder"/> calls the same service): each measure that applies with its amount,
/// arithmetic, payer and the clause cited (linked to its 事项 where the ledger holds the item), the measures close to
/// applying with their reasons, and those set aside by 从高不重复 with the one that won.
/// </summary>
public sealed class IndexModel(BenefitFinder finder) : LedgerPageModel
{
    [BindProperty]
    public ScenarioForm Form { get; set; } = new();

    public BenefitAnswer? Answer { get; private set; }

    public BenefitResult? Result => Answer?.Result;

    public BenefitLabels Labels => BenefitLabels.Default;

    public ScenarioVocabulary Vocabulary => ScenarioVocabulary.Default;

    /// <summary>The documents whose measures the rules hold, as cited (for the page's note).</summary>
    public IReadOnlyList<RuleDocument> RuleDocuments => finder.Rules.Documents;

    public IActionResult OnGet()
    {
        if (finder.Check(Actor) is { } problem)
        {
            return Fail(problem);
        }

        Form.AsOf ??= PolicyLedger.Web.Rendering.Show.Day(Today);
        Form.WithRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (finder.Check(Actor) is { } problem)
        {
            return Fail(problem);
        }

        Form.WithRows();
        var reading = Form.Read(finder.Rules.Terms, Vocabulary, Labels);
        if (reading.Scenario is null)
        {
            Errors.AddRange(reading.Errors);
            Response.StatusCode = 400;
            return Page();
        }

        var answer = await finder.EvaluateAsync(Actor, reading.Scenario, null, reading.Warnings, HttpContext.RequestAborted);
        if (!answer.Ok)
        {
            return Fail(answer.Problem);
        }

        Answer = answer.Value;
        return Page();
    }

    /// <summary>An amount as the page says it: 7,900 元, 最高 10,000 元, 金额未载明, 非资金支持; 每年 where it recurs.</summary>
    public static string Amount(decimal? amount, AmountKind kind, string? per)
    {
        var money = amount is { } a ? PolicyLedger.Web.Rendering.Show.Number(a) + " 元" : null;
        var said = kind switch
        {
            AmountKind.Max => money is null ? "上限未载明" : "最高 " + money,
            AmountKind.Min => money is null ? "下限未载明" : "不低于 " + money,
            AmountKind.NotStated => "金额未载明",
            AmountKind.NonMonetary => "非资金支持",
            _ => money ?? "金额未载明",
        };
        return per is null ? said : $"{said}（每{per}）";
    }
}
