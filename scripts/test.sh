#!/usr/bin/env bash
# Runs every test of the solution and prints one closing line "N passed, N failed, N skipped".
# Tests that need ../shared say "SKIPPED: ../shared ..." where it is absent.
set -uo pipefail
cd "$(dirname "$0")/.."
results="$(mktemp -d)"
dotnet test PolicyLedger.slnx -c Release --nologo --logger "trx;LogFilePrefix=run" --logger "console;verbosity=normal" --results-directory "$results" 2>&1 | tee "$results/console.log" | grep -vE '^\s*(Passed|Skipped) ' 
status=${PIPESTATUS[0]}
grep -hE '^\s*Skipped ' "$results/console.log" | head -50
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
p=f=s=0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(path).getroot().find(".//{*}Counters")
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)); s += int(c.get("notExecuted", 0))
print(f"{p} passed, {f} failed, {s} skipped")
PY
exit $status
