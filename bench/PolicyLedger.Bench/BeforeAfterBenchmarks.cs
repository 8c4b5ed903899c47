#if BEFORE_READING
extern alias before;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Old = before::PolicyLedger.Reading;
using OldQuantities = before::PolicyLedger.Reading.Quantities;
using OldText = before::PolicyLedger.Reading.Text;
using OldUnits = before::PolicyLedger.Reading.Units;

namespace PolicyLedger.Bench;

/// <summary>
/// The reading library of another commit (built by bench/run-before-after.sh as PolicyLedger.Reading.Before) against
/// this one, on the same corpus in the same process: quantities, times, the whole pipeline, and unit resolution of
/// the gold clauses (a new resolver each run, as an import makes one). Each category's
/// baseline is the other commit, so the Ratio column reads "after / before" directly.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[Config(typeof(InProcessConfig))]
public class BeforeAfterBenchmarks
{
    /// <summary>In process: the other commit's library is a reference of this build only, which a generated project would not have.</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance));
    }

    private IReadOnlyList<(string Name, string Text)> _corpus = [];
    private Reading.Text.MappedText[] _lines = [];
    private OldText.MappedText[] _oldLines = [];
    private static readonly Reading.Quantities.TimeContext Context = new(2023, 2023);
    private static readonly OldQuantities.TimeContext OldContext = new(2023, 2023);
    private IReadOnlyList<(string Jurisdiction, string[] Mentions)> _clauses = [];

    [GlobalSetup]
    public void Setup()
    {
        _corpus = Corpus.Load();
        _lines = _corpus.SelectMany(c => Reading.Text.TextNormalizer.SplitLines(c.Text)).Where(l => !l.IsBlank).Select(l => l.Text).ToArray();
        _oldLines = _corpus.SelectMany(c => OldText.TextNormalizer.SplitLines(c.Text)).Where(l => !l.IsBlank).Select(l => l.Text).ToArray();
        _clauses = UnitBenchmarks.LoadClauses();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("quantities")]
    public int QuantitiesBefore() => _oldLines.Sum(l => OldQuantities.QuantityReader.Read(l).Count);

    [Benchmark, BenchmarkCategory("quantities")]
    public int QuantitiesAfter() => _lines.Sum(l => Reading.Quantities.QuantityReader.Read(l).Count);

    [Benchmark(Baseline = true), BenchmarkCategory("times")]
    public int TimesBefore() => _oldLines.Sum(l => OldQuantities.TimeReader.Read(l, OldContext).Count);

    [Benchmark, BenchmarkCategory("times")]
    public int TimesAfter() => _lines.Sum(l => Reading.Quantities.TimeReader.Read(l, Context).Count);

    [Benchmark(Baseline = true), BenchmarkCategory("units")]
    public int UnitsBefore()
    {
        var resolver = new OldUnits.UnitResolver();
        return _clauses.Sum(c => resolver.ResolveClause(c.Jurisdiction, c.Mentions).Count);
    }

    [Benchmark, BenchmarkCategory("units")]
    public int UnitsAfter()
    {
        var resolver = new Reading.Units.UnitResolver();
        return _clauses.Sum(c => resolver.ResolveClause(c.Jurisdiction, c.Mentions).Count);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("read")]
    public int ReadAllBefore() => _corpus.Sum(c => Old.PolicyReader.Default.ReadText(c.Name, c.Text).Documents.Sum(d => d.Items.Count));

    [Benchmark, BenchmarkCategory("read")]
    public int ReadAllAfter() => _corpus.Sum(c => Reading.PolicyReader.Default.ReadText(c.Name, c.Text).Documents.Sum(d => d.Items.Count));
}
#endif
