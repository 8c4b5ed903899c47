using BenchmarkDotNet.Running;
using PolicyLedger.Bench;

// Run all:   dotnet run -c Release --project bench/PolicyLedger.Bench -- --filter '*'
// One class: dotnet run -c Release --project bench/PolicyLedger.Bench -- --filter '*ReadingBenchmarks*'
// Import throughput and peak memory, one long run: dotnet run -c Release --project bench/PolicyLedger.Bench -- import-throughput 10000
if (args is ["import-throughput", ..])
{
    return ImportThroughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
}

#if BEFORE_READING
// bench/run-before-after.sh REF --cpu: the before/after comparison in processor time, the sides interleaved.
if (args is ["before-after-cpu", ..])
{
    return BeforeAfterCpu.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 31);
}
#endif

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
