using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PolicyLedger.Bench;

/// <summary>Throughput of a benchmark that reads the whole corpus once per operation: corpus characters / mean time.</summary>
public sealed class CharactersPerSecondColumn(Func<long> characters) : IColumn
{
    public string Id => "CharsPerSecond";

    public string ColumnName => "Chars/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Characters of the corpus read per second (corpus size / mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats)
        {
            return "NA";
        }

        var perSecond = characters() / (stats.Mean / 1e9);
        return perSecond >= 1e6 ? $"{perSecond / 1e6:F2} M" : $"{perSecond / 1e3:F1} k";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Adds the Chars/s column computed on the benchmark corpus.</summary>
public sealed class CorpusThroughputConfig : BenchmarkDotNet.Configs.ManualConfig
{
    public CorpusThroughputConfig() => AddColumn(new CharactersPerSecondColumn(() => Corpus.Load().Sum(c => (long)c.Text.Length)));
}
