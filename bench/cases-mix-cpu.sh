#!/bin/sh
# One wrk run of the case-management mix (bench/wrk-cases.lua, 200 connections) and the CPU per request of the app and of
# the PostgreSQL backends of the bench database, from /proc (the session-5 table in docs/benchmarks.md).
#
#   bench/cases-mix-cpu.sh THINK_MS DURATION          e.g. bench/cases-mix-cpu.sh 3000 90s
#
# Environment: APP_PID (the running app's process id; default: the dotnet process listening on URL), URL, TOKENS
# (written by bench/cases-bench.sh or `himaya-bench cases --url ... --tokens ...`), DB (the bench database's name).
set -eu
cd "$(dirname "$0")/.."
URL=${URL:-http://127.0.0.1:5090}
TOKENS=${TOKENS:-/tmp/himaya-bench/cases-tokens.txt}
DB=${DB:-himaya}
APP_PID=${APP_PID:-$(pgrep -f 'himaya.dll --urls' | head -1)}

cpu() {
  a=$(awk '{print $14+$15}' /proc/"$APP_PID"/stat)
  p=0
  for pid in $(pgrep -f "postgres: .* $DB "); do p=$((p + $(awk '{print $14+$15}' /proc/"$pid"/stat 2>/dev/null || echo 0))); done
  echo "$a $p"
}

before=$(cpu)
echo "[$(date -u +%H:%M:%S)] think $1 ms, $2; loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
out=$(CASES_TOKENS="$TOKENS" THINK_MS=$1 WRK_THREADS=2 wrk -t2 -c200 -d"$2" --latency --timeout 10s -s bench/wrk-cases.lua "$URL")
after=$(cpu)
echo "$out" | grep -E '^requests |^latency|non-2xx|by status'
n=$(echo "$out" | awk '/^requests [0-9]/ {print $2}')
# A PostgreSQL backend that ended during the run takes its CPU time with it: the figure is then a lower bound (or negative).
echo "$before $after $n $(getconf CLK_TCK)" | awk '{printf "cpu per request: app %.1f ms, postgres %.1f ms\n", ($3-$1)*1000/$6/$5, ($4-$2)*1000/$6/$5}'
echo "[$(date -u +%H:%M:%S)] loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
