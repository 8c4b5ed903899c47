using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PolicyLedger.Benefits.Calculation;
using PolicyLedger.Benefits.Json;
using PolicyLedger.Benefits.Rules;
using PolicyLedger.Benefits.Scenarios;

namespace PolicyLedger.Bench;

/// <summary>
/// The benefit finder on the shipped rules (rules/) and the own scenarios of the tests (47 applicants, 5 documents,
/// 95 rules), single thread. The baseline is reading the scenario files (YAML parsing and checking every value against
/// the vocabulary); evaluating, evaluating with the JSON written, and loading and checking the rule files are measured
/// against it. Runs in process (no generated project to build on a busy machine).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class BenefitBenchmarks
{
    private List<string> _scenarioTexts = [];
    private List<Scenario> _scenarios = [];
    private string _rulesFolder = string.Empty;
    private BenefitCalculator _calculator = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = Corpus.RepositoryRoot();
        _rulesFolder = Path.Combine(root, "rules");
        _scenarioTexts = Directory.EnumerateFiles(Path.Combine(root, "tests", "PolicyLedger.Benefits.Tests", "Scenarios"), "*.yaml")
            .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        _scenarios = _scenarioTexts.SelectMany(t => new ScenarioReader().Read(t).Scenarios).ToList();
        _calculator = new BenefitCalculator(RuleSetLoader.Load(_rulesFolder));
        Console.WriteLine($"// {_scenarios.Count} scenarios, {_calculator.Rules.Rules.Count()} rules");
    }

    [Benchmark(Baseline = true)]
    public int ReadScenarios() => _scenarioTexts.Sum(t => new ScenarioReader().Read(t).Scenarios.Count);

    [Benchmark]
    public int Evaluate() => _scenarios.Sum(s => _calculator.Evaluate(s, s.AsOf!.Value).Entitled.Count);

    [Benchmark]
    public int EvaluateToJson() => _scenarios.Sum(s => BenefitResultJson.Serialize(_calculator.Evaluate(s, s.AsOf!.Value)).Length);

    [Benchmark]
    public int LoadRules() => RuleSetLoader.Load(_rulesFolder).Rules.Count();
}

/// <summary>One in-process job: 3 warm-up and 10 measured iterations.</summary>
public sealed class InProcessConfig : ManualConfig
{
    public InProcessConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
}
