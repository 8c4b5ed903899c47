using BenchmarkDotNet.Attributes;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Bench;

/// <summary>
/// Reading the five seeds, single thread. Throughput in characters per second is the corpus size divided by the
/// mean time; the baseline is the normalizer alone (one pass over the text), so the ratio says what the rest costs.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CorpusThroughputConfig))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ReadingBenchmarks
{
    private IReadOnlyList<(string Name, string Text)> _corpus = [];

    [GlobalSetup]
    public void Setup()
    {
        _corpus = Corpus.Load();
        Console.WriteLine($"// corpus: {_corpus.Count} files, {_corpus.Sum(c => c.Text.Length)} characters");
    }

    [Benchmark(Baseline = true)]
    public int NormalizeOnly()
    {
        var n = 0;
        foreach (var (_, text) in _corpus)
        {
            n += TextNormalizer.SplitLines(text).Count;
        }

        return n;
    }

    [Benchmark]
    public int ReadAll()
    {
        var n = 0;
        foreach (var (name, text) in _corpus)
        {
            n += PolicyReader.Default.ReadText(name, text).Documents.Sum(d => d.Items.Count);
        }

        return n;
    }
}
