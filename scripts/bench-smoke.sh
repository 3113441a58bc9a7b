#!/usr/bin/env bash
# `npm run bench:smoke`: every benchmark once at a small size, each within a time bound — a guard
# that they still run to the end, close what they opened and exit 0 (not a measurement: the sizes
# are far too small for the figures to mean anything). Uses DATABASE_URL when set (each benchmark
# makes a fresh <db>_bench next to it), else embedded PGlite. Needs a current web build for
# bench:ingest (`next build`; CI has one from the browser tests), or the bound includes a build.
set -uo pipefail
cd "$(dirname "$0")/.."
failed=0
run() {
  local name=$1 bound=$2
  shift 2
  local started=$SECONDS
  env "$@" timeout --kill-after=10 "$bound" node --import tsx --import ./scripts/hooks/register.mjs "scripts/$name.ts" >"/tmp/steward-$name.log" 2>&1
  local code=$?
  if [ "$code" -eq 0 ]; then
    printf 'ok    %-13s %3ss\n' "$name" "$((SECONDS - started))"
  else
    [ "$code" -eq 124 ] && why="did not exit within ${bound}s" || why="exited $code"
    printf 'FAIL  %-13s %s; its output:\n' "$name" "$why"
    sed 's/^/      /' "/tmp/steward-$name.log" | tail -n 40
    failed=1
  fi
}
run bench-sync 60 BENCH_ISSUES=200 BENCH_PULLS=100
run bench-ingest 90 BENCH_BATCHES=10
run bench-health 60 BENCH_TARGETS=50 BENCH_SECONDS=5
run bench-deps 60
run bench-pages 600 BENCH_ITEMS=2000 BENCH_TARGETS=20 BENCH_RAW_DAYS=1 BENCH_ROLLUP_DAYS=10 BENCH_INCIDENTS=20 BENCH_REPEAT=3 BENCH_LIGHTHOUSE=0
exit $failed
