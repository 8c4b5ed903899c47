#!/usr/bin/env bash
# Benchmarks the reading library of another commit against the working tree's, in one BenchmarkDotNet run:
#   bash bench/run-before-after.sh [REF] [--cpu]     (REF defaults to main)
# REF's src/PolicyLedger.Reading is exported to a temporary folder and built as PolicyLedger.Reading.Before; the
# bench project references it under the extern alias "before" and runs BeforeAfterBenchmarks in process, so both
# sides meet the same machine load. The Ratio column is after / before per category (quantities, times, read,
# units). With --cpu it runs BeforeAfterCpu instead: the sides interleaved round by round and timed in processor
# time, the median ratio with quartiles: the figure to trust on a loaded machine.
set -euo pipefail
cd "$(dirname "$0")/.."
ref="${1:-main}"
mode="${2:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git archive "$ref" Directory.Build.props Directory.Packages.props global.json src/PolicyLedger.Reading | tar -x -C "$work"
dotnet build "$work/src/PolicyLedger.Reading" -c Release --nologo -v q -p:AssemblyName=PolicyLedger.Reading.Before >&2
before="$work/src/PolicyLedger.Reading/bin/Release/net10.0/PolicyLedger.Reading.Before.dll"
if [ "$mode" = "--cpu" ]; then
  dotnet run -c Release --project bench/PolicyLedger.Bench -p:BeforeReading="$before" -- before-after-cpu
else
  dotnet run -c Release --project bench/PolicyLedger.Bench -p:BeforeReading="$before" -- --filter '*BeforeAfterBenchmarks*'
fi
