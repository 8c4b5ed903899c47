#!/usr/bin/env bash
# Throughput of QuantityReader + TimeReader against Recognizers-Text for JavaScript (zh-cn) on the same seed
# lines, in the same run. Prints characters per second for both and the ratio (goal: ours ≥ 1000 × the peer's).
# Usage: bench/run-quantities.sh [peer-seconds]   (needs node ≥ 18 and the .NET SDK)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"

if [ ! -d bench/peer/node_modules/@microsoft/recognizers-text-suite ]; then
  (cd bench/peer && npm install --no-audit --no-fund --silent)
fi

echo "== peer: Recognizers-Text (JavaScript, zh-cn), ${seconds}s budget"
peer_json="$(node bench/peer/quantities.js "$seconds")"
echo "$peer_json"

echo "== ours: BenchmarkDotNet QuantityBenchmarks"
dotnet run -c Release --project bench/PolicyLedger.Bench -- --filter '*QuantityBenchmarks*' --exporters json \
  | grep -E '^\||quantity corpus' | sort -u

python3 - "$peer_json" <<'PY'
import glob, json, re, sys
peer = json.loads(sys.argv[1])
report = json.load(open(glob.glob('BenchmarkDotNet.Artifacts/results/*QuantityBenchmarks*-report-full-compressed.json')[0]))
log = ''.join(glob.glob('BenchmarkDotNet.Artifacts/*QuantityBenchmarks*.log') and open(sorted(glob.glob('BenchmarkDotNet.Artifacts/*QuantityBenchmarks*.log'))[-1], encoding='utf-8').read())
m = re.search(r'quantity corpus: (\d+) lines, (\d+) characters', log)
chars = int(m.group(2)) if m else None
print(f"peer: {peer['charsPerSecond']:,} chars/s ({peer['chars']:,} chars in {peer['ms']:,} ms)")
for b in report['Benchmarks']:
    mean_s = b['Statistics']['Mean'] / 1e9
    ours = chars / mean_s
    print(f"ours {b['Method']}: {ours:,.0f} chars/s  -> {ours / peer['charsPerSecond']:,.0f} x the peer")
PY
