using BenchmarkDotNet.Running;

// Run all:   dotnet run -c Release --project bench/PolicyLedger.Bench -- --filter '*'
// One class: dotnet run -c Release --project bench/PolicyLedger.Bench -- --filter '*ReadingBenchmarks*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
