#!/bin/sh
# Case management benchmark (issue #5), the steps after `himaya-bench cases` has loaded the cases:
# signs the bench users in to the running app, times the case pages over HTTP, then runs wrk-cases.lua once per
# think time. Prints the machine's load around every step (another build on the same 2 cores shows up there).
#
#   bench/cases-bench.sh [DURATION] [THINK_MS ...]        e.g. bench/cases-bench.sh 120s 1000 0
#
# Environment: BENCH (the built himaya-bench dll), PG (connection string), URL (the running app), KEYS (its DataProtection:KeysPath),
# OUT (where the tokens file goes), CONNECTIONS (200), WARMUP (20s), SKIP_HTTP=1 to reuse the tokens file written less than
# an hour ago.
set -eu
cd "$(dirname "$0")/.."
BENCH=${BENCH:-bench/Himaya.Bench/bin/Release/net10.0/himaya-bench.dll}
PG=${PG:-"Host=127.0.0.1;Port=55440;Username=postgres;Database=himaya"}
URL=${URL:-http://127.0.0.1:5090}
KEYS=${KEYS:-/tmp/himaya-bench/keys}
OUT=${OUT:-/tmp/himaya-bench}
CONNECTIONS=${CONNECTIONS:-200}
DURATION=${1:-120s}
[ $# -gt 0 ] && shift
THINKS=${*:-1000}

machine() {
  echo "[$(date -u +%H:%M:%S)] loadavg $(cut -d' ' -f1-3 /proc/loadavg); cpu pressure $(head -1 /proc/pressure/cpu | cut -d' ' -f2-4)"
}

others() {
  # The busiest processes that are not this benchmark (app, wrk, PostgreSQL backends of the bench database).
  ps -eo pcpu,args --sort=-pcpu | grep -v -e 'himaya.dll' -e ' wrk ' -e 'postgres: postgres himaya ' -e 'ps -eo' | sed -n 2,4p | cut -c1-110
}

if [ "${SKIP_HTTP:-0}" != 1 ]; then
  machine
  DataProtection__KeysPath="$KEYS" dotnet "$BENCH" cases --no-in-process --url "$URL" --tokens "$OUT/cases-tokens.txt" \
    --Database:Provider=Postgres "--Database:ConnectionString=$PG"
  machine
fi

# Warm-up (not recorded): every request kind, notes and reviews included, so the measured runs see compiled code.
echo
echo "== warm-up: ${WARMUP:-20s} of the same mix, 50 connections, no think time (not recorded) =="
CASES_TOKENS="$OUT/cases-tokens.txt" THINK_MS=0 WRK_THREADS=2 \
  wrk -t2 -c50 -d"${WARMUP:-20s}" --timeout 10s -s bench/wrk-cases.lua "$URL" | grep -E '^requests|^responses'

for think in $THINKS; do
  echo
  echo "== wrk: $CONNECTIONS connections, $DURATION, think time 0..$((2 * think)) ms (mean $think ms) =="
  machine
  (sleep 30; echo "  busiest other processes 30 s in:"; others) &
  CASES_TOKENS="$OUT/cases-tokens.txt" THINK_MS=$think WRK_THREADS=2 \
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency --timeout 10s -s bench/wrk-cases.lua "$URL"
  wait
  machine
done
