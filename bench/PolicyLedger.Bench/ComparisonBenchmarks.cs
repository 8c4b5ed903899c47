using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using PolicyLedger.Comparison;
using PolicyLedger.Reading;

namespace PolicyLedger.Bench;

/// <summary>
/// Comparing documents, single thread. <see cref="TwoDocuments"/>: two 100-item documents (seeds 000 and 001 when
/// ../shared is beside the clone, else two generated ones). <see cref="TwentyAgainstOne"/>: 20 documents against
/// one reference (variants of the seeds: items dropped and reordered). The baseline is the naive greedy
/// one-to-one match on bigram TF-IDF, so the ratio says what splits, bundles, relations and figures cost.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[Config(typeof(InProcessConfig))]
public class ComparisonBenchmarks
{
    private ComparedDocument _a = null!;
    private ComparedDocument _b = null!;
    private IReadOnlyList<ComparedDocument> _variants = [];

    [GlobalSetup]
    public void Setup()
    {
        (_a, _b) = Documents();
        _variants = Enumerable.Range(0, 20).Select(k => Variant(k % 2 == 0 ? _b : _a, k)).ToList();
        Console.WriteLine($"// documents of {_a.Items.Count} and {_b.Items.Count} items; 20 variants of {_variants.Min(v => v.Items.Count)}–{_variants.Max(v => v.Items.Count)} items");
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("two")]
    public int NaiveGreedyTwoDocuments() => NaiveAligner.Align(_a.Items, _b.Items).Count;

    [Benchmark]
    [BenchmarkCategory("two")]
    public int TwoDocuments() => ComparisonService.Default.Compare(_a, _b).Pairs.Count;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("twenty")]
    public int NaiveGreedyTwentyAgainstOne() => _variants.Sum(v => NaiveAligner.Align(_a.Items, v.Items).Count);

    [Benchmark]
    [BenchmarkCategory("twenty")]
    public int TwentyAgainstOne() => ComparisonService.Default.Compare([_a, .. _variants]).Rows.Count;

    /// <summary>
    /// Runs in the benchmark process (no generated project to build: on a shared machine its build outlasts the
    /// two-minute build timeout); baseline and candidates share the process, so their ratio stays fair.
    /// </summary>
    public sealed class InProcessConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public InProcessConfig() => AddJob(Job.Default
            .WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance)
            .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
    }

    /// <summary>Seeds 000 and 001 (100 items each), else two generated documents of 100 items.</summary>
    public static (ComparedDocument A, ComparedDocument B) Documents()
    {
        var seeds = Path.GetFullPath(Path.Combine(Corpus.RepositoryRoot(), "..", "shared", "seeds"));
        if (Directory.Exists(seeds))
        {
            ComparedDocument Seed(string prefix)
            {
                var file = Directory.EnumerateFiles(seeds, prefix + "_*.txt").Single();
                return ComparedDocument.From(PolicyReader.Default.ReadFile(file).Documents.MaxBy(d => d.Items.Count)!, prefix);
            }

            return (Seed("000"), Seed("001"));
        }

        return (Generated(1), Generated(2));
    }

    private static ComparedDocument Generated(int seed)
    {
        var items = CorpusGenerator.Generate(40, seed)
            .SelectMany(d => PolicyReader.Default.ReadText(d.Name, d.Text).Documents.SelectMany(x => x.Items))
            .Take(100)
            .ToList();
        return new ComparedDocument($"generated-{seed}", null, items);
    }

    /// <summary>A local version of a document: every seventh item (shifted by k) dropped, and neighbours swapped in turn.</summary>
    private static ComparedDocument Variant(ComparedDocument source, int k)
    {
        var items = source.Items.Where((_, i) => (i + k) % 7 != 0).ToList();
        for (var i = k % 3; i + 1 < items.Count; i += 3)
        {
            (items[i], items[i + 1]) = (items[i + 1], items[i]);
        }

        return new ComparedDocument($"{source.Name}-v{k}", null, items);
    }

}
