using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Reading;

namespace PolicyLedger.Bench;

/// <summary>
/// Importing generated documents (seed styles, <see cref="CorpusGenerator"/>) into a fresh SQLite ledger: read, resolve
/// units, store. Documents per second is <see cref="Documents"/> divided by the mean. For 10 000 documents with peak
/// memory, run <c>-- import-throughput 10000</c> instead (one long run is what that question needs).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ImportBenchmarks
{
    private string _folder = string.Empty;
    private IReadOnlyList<string> _files = [];
    private LedgerDatabase? _database;

    [Params(500)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("policyledger-bench-").FullName;
        _files = CorpusGenerator.WriteTo(Path.Combine(_folder, "corpus"), Documents);
    }

    [IterationSetup]
    public void FreshLedger()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var path = Path.Combine(_folder, "ledger.db");
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        _database = LedgerDatabase.Sqlite(path);
    }

    [Benchmark]
    public int Import() =>
        new LedgerImporter(_database!, PolicyReader.Default, new ResolverUnitResolution(), TimeProvider.System)
            .ImportAsync(_files).GetAwaiter().GetResult().Documents;

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
