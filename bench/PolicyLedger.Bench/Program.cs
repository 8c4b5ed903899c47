using BenchmarkDotNet.Running;
using PolicyLedger.Bench;

// Run all:   dotnet run -c Release --project bench/PolicyLedger.Bench -- --filter '*'
// One class: dotnet run -c Release --project bench/PolicyLedger.Bench -- --filter '*ReadingBenchmarks*'
// Import throughput and peak memory, one long run: dotnet run -c Release --project bench/PolicyLedger.Bench -- import-throughput 10000
if (args is ["import-throughput", ..])
{
    return ImportThroughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
}

// Web load (1 000 000 items in PostgreSQL, 50 clients; not run by CI): dotnet run -c Release --project bench/PolicyLedger.Bench -- web-load 1000000 3000 120 50
// The load run's host process (started by web-load): web-host CONNECTION PORT
if (args is ["web-host", var hostConnection, var hostPort])
{
    return await WebLoadHost.RunAsync(hostConnection, int.Parse(hostPort, System.Globalization.CultureInfo.InvariantCulture));
}

// Where a 台账 page's CPU goes (in process, no HTTP): web-profile CONNECTION JURISDICTION UNIT [N]
if (args is ["web-profile", var profileConnection, var profileJurisdiction, var profileUnit, ..])
{
    return await WebLoadProfile.RunAsync(profileConnection, profileJurisdiction, profileUnit, args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 200);
}

if (args is ["web-load", ..])
{
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    return WebLoad.Run(Arg(1, 1_000_000), Arg(2, 6_000), Arg(3, 120), Arg(4, 50));
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
