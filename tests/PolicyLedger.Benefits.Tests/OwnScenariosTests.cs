using PolicyLedger.Benefits.Calculation;
using PolicyLedger.Benefits.Scenarios;
using PolicyLedger.Benefits.Tests.Support;

namespace PolicyLedger.Benefits.Tests;

/// <summary>
/// Our own scenarios over the same documents (Scenarios/*.yaml, the form of the gold file): every entitlement with its
/// exact amount, kind and (where given) clause; every "not entitled" with its reason code and none that is not
/// expected; the exclusions by 从高不重复; the total.
/// </summary>
public sealed class OwnScenariosTests
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Scenarios");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            foreach (var scenario in new ScenarioReader().ReadFile(file).Scenarios)
            {
                data.Add(Path.GetFileName(file), scenario.Id!);
            }
        }

        return data;
    }

    [Fact]
    public void The_scenario_files_read_without_errors_or_warnings()
    {
        var files = Directory.EnumerateFiles(Folder, "*.yaml").ToList();
        Assert.True(files.Count >= 4);
        foreach (var file in files)
        {
            var load = new ScenarioReader().ReadFile(file);
            Assert.Empty(load.Diagnostics.Select(d => d.ToString()));
        }

        Assert.True(Cases().Count >= 40, $"{Cases().Count} scenarios");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Own_scenario(string file, string id)
    {
        var path = Path.Combine(Folder, file);
        var scenario = new ScenarioReader().ReadFile(path).Scenarios.Single(s => s.Id == id);
        var result = new BenefitCalculator(RuleFiles.Rules).Evaluate(scenario, scenario.AsOf!.Value);
        Assert.Empty(result.Diagnostics);
        var problems = ExpectedResult.Read(path)[id].Compare(result, checkClauses: true, strictMisses: true);
        Assert.True(problems.Count == 0, $"{file} {id}：\n" + string.Join("\n", problems));
    }
}
