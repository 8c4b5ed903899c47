using System.Diagnostics;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Reading;

namespace PolicyLedger.Bench;

/// <summary>
/// One timed import of N generated documents into a fresh SQLite ledger, with documents per second and peak memory:
/// <c>dotnet run -c Release --project bench/PolicyLedger.Bench -- import-throughput 10000</c>.
/// The goal is 10 000 documents in under 30 s on a 2-core machine.
/// </summary>
public static class ImportThroughput
{
    public static int Run(int count)
    {
        var folder = Directory.CreateTempSubdirectory("policyledger-throughput-").FullName;
        try
        {
            var generate = Stopwatch.StartNew();
            var files = CorpusGenerator.WriteTo(Path.Combine(folder, "corpus"), count);
            var bytes = files.Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"corpus: {files.Count} documents, {bytes / 1024.0 / 1024.0:0.0} MiB, generated in {generate.Elapsed.TotalSeconds:0.0} s");

            // Reading alone (the same parallelism the importer uses), to tell reading from storing.
            var read = Stopwatch.StartNew();
            var readCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var resolver = new ResolverUnitResolution();
            var items = files.AsParallel().Sum(f => PolicyReader.Default.ReadFile(f).Documents.Sum(d =>
            {
                var jurisdiction = resolver.JurisdictionOf(d);
                return d.Items.Sum(i => resolver.ResolveClause(jurisdiction, i.Roles.Select(r => r.Mention).ToList()).Count * 0 + 1);
            }));
            Console.WriteLine($"reading and resolving alone: {items} items in {read.Elapsed.TotalSeconds:0.0} s ({files.Count / read.Elapsed.TotalSeconds:0} documents/s; {(Process.GetCurrentProcess().TotalProcessorTime - readCpu).TotalSeconds:0.0} s of CPU)");

            var database = LedgerDatabase.Sqlite(Path.Combine(folder, "ledger.db"));
            var importer = new LedgerImporter(database, PolicyReader.Default, new ResolverUnitResolution(), TimeProvider.System);
            var allocated = GC.GetTotalAllocatedBytes();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var summary = importer.ImportAsync(files).GetAwaiter().GetResult();
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var seconds = summary.Elapsed.TotalSeconds;
            Console.WriteLine(summary.ToString());
            Console.WriteLine($"throughput: {summary.Documents / seconds:0} documents/s, {summary.Items / seconds:0} items/s ({Environment.ProcessorCount} cores; the import used {(process.TotalProcessorTime - cpu).TotalSeconds:0.0} s of CPU)");
            Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1024.0 / 1024.0:0} MiB; allocated: {(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / 1024.0:0} MiB");
            Console.WriteLine($"ledger file: {new FileInfo(Path.Combine(folder, "ledger.db")).Length / 1024.0 / 1024.0:0.0} MiB");
            return summary.Failed == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
