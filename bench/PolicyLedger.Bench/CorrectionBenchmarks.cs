using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Reading;

namespace PolicyLedger.Bench;

/// <summary>
/// What corrections cost the ledger's readers: the 台账 of generated documents (<see cref="CorpusGenerator"/>) read
/// with no corrections (the baseline) and with corrections in every fourth document (a role and a deadline each, so
/// those documents go through the correction engine), and re-applying all corrections after an import.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class CorrectionBenchmarks
{
    private string _folder = string.Empty;
    private LedgerDatabase? _plain;
    private LedgerDatabase? _corrected;
    private static readonly Actor Bench = Actor.LocalAdmin("bench");
    private readonly ResolverUnitResolution _units = new();

    [Params(200)]
    public int Documents { get; set; }

    /// <summary>How many corrections the corrected ledger holds.</summary>
    public int Corrections { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("policyledger-bench-corr-").FullName;
        var files = CorpusGenerator.WriteTo(Path.Combine(_folder, "corpus"), Documents);
        _plain = LedgerDatabase.Sqlite(Path.Combine(_folder, "plain.db"));
        _corrected = LedgerDatabase.Sqlite(Path.Combine(_folder, "corrected.db"));
        foreach (var database in new[] { _plain, _corrected })
        {
            new LedgerImporter(database, PolicyReader.Default, _units, TimeProvider.System).ImportAsync(files).GetAwaiter().GetResult();
        }

        using var db = _corrected.OpenAsync().GetAwaiter().GetResult();
        var rows = LedgerQueries.RowsAsync(db, new LedgerFilter()).GetAwaiter().GetResult();
        var service = new CorrectionService(db, TimeProvider.System, _units);
        foreach (var document in rows.GroupBy(r => r.DocumentId).Where((_, i) => i % 4 == 0))
        {
            var item = document.Skip(1).First();
            var result = service.CorrectAsync(Bench, new CorrectionInput(item.Key, [
                new ChangeRequest(CorrectionKind.SetRole, LedgerRole.Lead, "县财政局、县发展改革委"),
                new ChangeRequest(CorrectionKind.SetDeadline, Value: "2024-06-30")])).GetAwaiter().GetResult();
            Corrections += result.Ok ? 2 : 0;
        }
    }

    [Benchmark(Baseline = true)]
    public int LedgerWithoutCorrections() => Rows(_plain!);

    [Benchmark]
    public int LedgerWithCorrections() => Rows(_corrected!);

    [Benchmark]
    public int ReapplyAfterImport()
    {
        using var db = _corrected!.OpenAsync().GetAwaiter().GetResult();
        return new CorrectionService(db, TimeProvider.System, _units).ReapplyAsync(Bench).GetAwaiter().GetResult().Applied;
    }

    private static int Rows(LedgerDatabase database)
    {
        using var db = database.OpenAsync().GetAwaiter().GetResult();
        return LedgerQueries.RowsAsync(db, new LedgerFilter()).GetAwaiter().GetResult().Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
