using PolicyLedger.Benefits.Rules;
using PolicyLedger.Benefits.Tests.Support;

namespace PolicyLedger.Benefits.Tests;

/// <summary>
/// The rules' own test cases (inputs → expected amount, reasons or the rule that wins), as OpenFisca runs its YAML
/// tests: one xunit case per test case, named after its document, rule and case.
/// </summary>
public sealed class RuleCasesTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleFiles.Rules.Rules)
        {
            foreach (var test in rule.Tests)
            {
                data.Add($"{rule.Document}/{rule.Id}/{test.Name}");
            }
        }

        return data;
    }

    [Fact]
    public void The_shipped_rule_files_load_without_errors()
    {
        Assert.Empty(RuleFiles.Rules.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        Assert.NotEmpty(RuleFiles.Rules.Documents);
    }

    [Fact]
    public void Every_shipped_rule_has_test_cases() =>
        Assert.Empty(RuleFiles.Rules.Rules.Where(r => r.Tests.Count == 0).Select(r => $"{r.Document}/{r.Id}"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_case(string name)
    {
        var parts = name.Split('/', 3);
        var rule = RuleFiles.Rules.Rules.Single(r => r.Document == parts[0] && r.Id == parts[1]);
        var test = rule.Tests.First(t => t.Name == parts[2]);
        var outcome = RuleTestRunner.Run(RuleFiles.Rules, rule, test);
        Assert.True(outcome.Passed, $"{outcome.Name}（{rule.File} 第{test.Line}行）：{outcome.Message}");
    }
}
