using PolicyLedger.Benefits.Calculation;
using PolicyLedger.Benefits.Scenarios;
using PolicyLedger.Benefits.Tests.Support;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Benefits.Tests;

/// <summary>
/// The six hand-checked scenarios of ../shared/gold/benefits_examples.yaml: every entitlement with its exact amount,
/// kind and clause, no entitlement the documents do not give, every "not entitled" with a reason of the right kind,
/// and the total.
/// </summary>
public sealed class GoldExamplesTests
{
    /// <summary>The reason code each gold "not entitled" prose stands for (the gold gives prose, not codes).</summary>
    private static readonly Dictionary<string, string> GoldReasonCodes = new()
    {
        ["Wrong place"] = "wrong_place",
        ["Not in a target group"] = "not_target",
        ["Below the hiring ratio"] = "below_threshold",
        ["Below the headcount"] = "below_threshold",
    };

    private static string Gold => SharedData.Path("gold", "benefits_examples.yaml");

    private static readonly string[] GoldIds = ["S01", "S07", "S12", "S14", "S25", "S28"];

    public static TheoryData<string> Ids() => new(GoldIds);

    [SkippableFact]
    public void The_gold_file_reads_without_errors_or_unknown_fields()
    {
        SharedData.Require();
        var load = new ScenarioReader().ReadFile(Gold);
        Assert.Empty(load.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(GoldIds, load.Scenarios.Select(s => s.Id!));
    }

    [SkippableTheory]
    [MemberData(nameof(Ids))]
    public void Gold_scenario(string id)
    {
        SharedData.Require();
        var scenario = new ScenarioReader().ReadFile(Gold).Scenarios.Single(s => s.Id == id);
        var expected = ExpectedResult.Read(Gold)[id];
        var result = new BenefitCalculator(RuleFiles.Rules).Evaluate(scenario, scenario.AsOf!.Value);
        Assert.Empty(result.Diagnostics);

        var codes = expected.NotEntitled.Select(m => m with { Code = GoldReasonCodes.FirstOrDefault(kv => m.Reason.StartsWith(kv.Key, StringComparison.Ordinal)).Value }).ToList();
        Assert.All(codes, m => Assert.NotNull(m.Code));
        var problems = (expected with { NotEntitled = codes }).Compare(result);
        Assert.True(problems.Count == 0, $"{id}：\n" + string.Join("\n", problems));
    }
}
