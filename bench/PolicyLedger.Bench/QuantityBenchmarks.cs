using BenchmarkDotNet.Attributes;
using PolicyLedger.Reading.Quantities;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Bench;

/// <summary>
/// Quantities and times alone, on the seeds read line by line (the units bench/peer/quantities.js gives
/// Recognizers-Text). Throughput in characters per second is <see cref="Characters"/> divided by the mean time;
/// bench/run-quantities.sh runs both and prints the ratio.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class QuantityBenchmarks
{
    private static readonly TimeContext Context = new(2023, 2023);
    private MappedText[] _lines = [];

    /// <summary>Characters in the corpus lines (as in the original text, as the peer script counts them).</summary>
    public static int Characters { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var lines = Corpus.Load().SelectMany(c => TextNormalizer.SplitLines(c.Text)).Where(l => !l.IsBlank).ToList();
        _lines = lines.Select(l => l.Text).ToArray();
        Characters = lines.Sum(l => l.Span.Length);
        Console.WriteLine($"// quantity corpus: {_lines.Length} lines, {Characters} characters");
    }

    [Benchmark]
    public int Quantities()
    {
        var n = 0;
        foreach (var line in _lines)
        {
            n += QuantityReader.Read(line).Count;
        }

        return n;
    }

    [Benchmark]
    public int Times()
    {
        var n = 0;
        foreach (var line in _lines)
        {
            n += TimeReader.Read(line, Context).Count;
        }

        return n;
    }

    [Benchmark(Baseline = true)]
    public int QuantitiesAndTimes()
    {
        var n = 0;
        foreach (var line in _lines)
        {
            n += QuantityReader.Read(line).Count + TimeReader.Read(line, Context).Count;
        }

        return n;
    }
}
