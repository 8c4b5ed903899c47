#!/usr/bin/env bash
# Adds an EF Core migration NAME for each provider (SQLite and PostgreSQL) after a change to the ledger's model:
#   bash scripts/add-migration.sh NAME
# (the equivalent of `dotnet ef migrations add` for both provider contexts; dotnet-ef 10 is not served here.)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: $0 NAME" >&2; exit 2; }
dotnet run --project tools/PolicyLedger.MigrationTool -- "$1" src/PolicyLedger.Ledger
