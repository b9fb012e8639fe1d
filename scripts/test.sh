#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls this).
# Installs what the tests need when missing (PostgreSQL 15, Chromium: Debian packages, as root), starts a
# throwaway PostgreSQL cluster on a loopback port, runs every test project against it and SQLite, and
# removes the cluster afterwards, whatever happened.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN=/usr/lib/postgresql/15/bin
need=()
[ -x "$PG_BIN/postgres" ] || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "test.sh: need root to install ${need[*]}" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

PORT=${HIMAYA_TEST_PG_PORT:-55432}
PGDIR=$(mktemp -d /tmp/himaya-pg.XXXXXX)
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses to run as root.
  chown postgres:postgres "$PGDIR"
  RUN_AS=(runuser -u postgres --)
fi
cleanup() {
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap cleanup EXIT
"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$PGDIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
export HIMAYA_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=postgres;Password=unused;Include Error Detail=true"
export HIMAYA_CHROMIUM=/usr/bin/chromium
# The build's compilers and the test hosts are short-lived processes, for which profile-guided re-compilation costs
# more than it returns: a clean build took 41 s with it and 36 s without (docs/benchmarks.md).
export DOTNET_TieredPGO=0

LOG="$PGDIR/test.log"
# One build, then two lanes side by side, one per core: the browser project (the longest) in one, the unit and API
# projects one after the other in the other. Left to itself, dotnet test over the solution ran the unit project only
# after the browser project, on the same node, which put it on the critical path. Arguments (--filter, --no-build, …)
# go to every dotnet test; a --no-build among them skips the build here too.
build=1
args=()
for a in "$@"; do if [ "$a" = "--no-build" ]; then build=0; else args+=("$a"); fi; done
set +e
status=0
if [ "$build" -eq 1 ]; then
  # One compiler process for all eight projects instead of one each (a clean build took 53 s without, 43 s with it);
  # it is stopped as soon as the build is done, so nothing is left running.
  dotnet build Himaya.slnx -c Release -p:UseSharedCompilation=true 2>&1 | tee "$LOG"
  status=${PIPESTATUS[0]}
  dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1 || true
fi
if [ "$status" -eq 0 ]; then
  # Every project of a lane runs even when an earlier one failed; the lane fails if any did.
  lane() {
    local rc=0
    for p in "$@"; do dotnet test "tests/$p" -c Release --no-build --logger "console;verbosity=normal" "${args[@]}" || rc=1; done
    return $rc
  }
  ( lane Himaya.BrowserTests 2>&1 | tee -a "$LOG" ) &
  browser=$!
  ( lane Himaya.Tests Himaya.IntegrationTests 2>&1 | tee -a "$LOG" ) &
  other=$!
  wait "$browser" || status=1
  wait "$other" || status=1
fi
set -e
# One closing line over all test projects, in the plain form CI reads.
passed=$( (grep -E '^\s+Passed: [0-9]+' "$LOG" || true) | awk '{s+=$2} END {print s+0}')
failed=$( (grep -E '^\s+Failed: [0-9]+' "$LOG" || true) | awk '{s+=$2} END {print s+0}')
if [ "$failed" -gt 0 ]; then
  # CI keeps only the tail of the output: repeat each failure (name, message, first stack lines) here.
  echo "---- failed tests ----"
  awk '/^  Failed /{n=25} n>0{print; n--}' "$LOG" | head -200
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # No test failed, yet dotnet test did: a project did not build or a test host crashed. Say so, and count it.
  echo "---- dotnet test exited with $status without a failed test: a build error or a crashed test host ----"
  (grep -E ': error |Test Run Aborted|Test host process crashed' "$LOG" || true) | sort -u | head -20
  failed=1
fi
echo "$passed passed, $failed failed"
exit "$status"
