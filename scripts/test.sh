#!/usr/bin/env bash
# Runs every test of the solution and prints one closing line "N passed, N failed, N skipped".
#
# What the tests need beyond the .NET SDK is set up here, so this one command works on a fresh machine:
# - Debian packages (PostgreSQL server, a Chinese TrueType font for the PDF tests, Chromium with the Noto CJK fonts
#   for the browser tests and as a real PDF producer, and LibreOffice Writer), installed when missing and
#   running as root; otherwise the tests that need them say what is missing.
# - A throwaway PostgreSQL server on 127.0.0.1 (scripts/start-postgres.sh) for the storage tests, unless
#   POLICYLEDGER_TEST_PG already names one.
# Tests that need ../shared (seeds, gold, peer specs) say "SKIPPED: ../shared …" where it is absent.
set -uo pipefail
cd "$(dirname "$0")/.."

packages=()
[ -n "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null)" ] || packages+=(postgresql)
[ -f /usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf ] || packages+=(fonts-arphic-gbsn00lp)
command -v python3 >/dev/null || packages+=(python3)
# The PDF producer tests print web pages with Chromium (with a CJK font) and convert Word files with LibreOffice;
# the browser tests drive the same /usr/bin/chromium through Playwright.
command -v chromium >/dev/null || packages+=(chromium)
# Chromium's Chinese locale files: with them the browser tests' date inputs read 年/月/日 as a Chinese user's do.
[ -f /usr/lib/chromium/locales/zh-CN.pak ] || packages+=(chromium-l10n)
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || packages+=(fonts-noto-cjk)
command -v soffice >/dev/null || packages+=(libreoffice-writer-nogui)
# python-docx reads the .docx bulletin in the tests (its tables, by another library than the one that wrote them).
/usr/bin/python3 -c "import docx" 2>/dev/null || packages+=(python3-docx)
if [ ${#packages[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "test.sh: installing ${packages[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2
fi

if [ -z "${POLICYLEDGER_TEST_PG:-}" ] && [ -f scripts/start-postgres.sh ]; then
  if pg="$(bash scripts/start-postgres.sh)"; then
    eval "$pg"
    export POLICYLEDGER_TEST_PG
  else
    echo "test.sh: no PostgreSQL server; the PostgreSQL storage tests will be skipped" >&2
  fi
fi

results="$(mktemp -d)"
# Screenshots of the main pages and the accessibility summary (axe.txt) from the browser tests.
export POLICYLEDGER_TEST_ARTIFACTS="$results/screenshots"
dotnet test PolicyLedger.slnx -c Release --nologo --logger "trx;LogFilePrefix=run" --logger "console;verbosity=normal" --results-directory "$results" 2>&1 \
  | tee "$results/console.log" | grep -vE '^\s*(Passed|Skipped) '
status=${PIPESTATUS[0]}
python3 scripts/test-summary.py "$results" || true
if [ -d "$POLICYLEDGER_TEST_ARTIFACTS" ]; then echo "screenshots of the pages: $POLICYLEDGER_TEST_ARTIFACTS" >&2; fi
exit $status
