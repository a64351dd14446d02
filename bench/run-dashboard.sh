#!/usr/bin/env bash
# Baseline benchmark (issue 2, section 10): the signed-in member dashboard against /healthz
# of the same server, in one run on SQLite.
#
#   bench/run-dashboard.sh
#
# Builds `kindred` and `loadgen` in release, starts `kindred demo` on a fresh SQLite file in
# its own process, signs in as member@demo.kindred.test through the JSON API, then runs:
#   1. saturation (closed loop, CONNECTIONS keep-alive connections, DURATION s) on /healthz,
#      then on /dashboard: requests per second;
#   2. a fixed RATE req/s (open loop; latency from each request's due time) on each: p50/p99/max.
# Prints every run as a JSON line and a table with the ratio and the goals:
#   dashboard rps ≥ 0.25 × /healthz rps, and dashboard p99 ≤ 25 ms at 2,000 req/s.
# Exits 2 when a goal is missed, 1 when the run itself failed.
#
# Settings (environment): KINDRED_BENCH_PORT (18080), CONNECTIONS (32), DURATION (10),
# WARMUP (2), RATE (2000), LOADGEN_THREADS (1: the generator shares the machine's cores with
# the server; each run reports both processes' CPU time so the split is visible).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=${KINDRED_BENCH_PORT:-18080}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
RATE=${RATE:-2000}
LOADGEN_THREADS=${LOADGEN_THREADS:-1}
PASSWORD=${KINDRED_DEMO_PASSWORD:-kindred-demo}
BASE="http://127.0.0.1:$PORT"

echo "== building kindred and loadgen (release)"
cargo build --release --quiet -p kindred-server -p kindred-bench
KINDRED=target/release/kindred
LOADGEN=target/release/loadgen

# shellcheck source=bench/demo-server.sh
source bench/demo-server.sh

echo "== signing in as member@demo.kindred.test"
COOKIE=$(curl -fs -D - -o /dev/null \
  -H 'Content-Type: application/json' \
  --data "{\"email\":\"member@demo.kindred.test\",\"password\":\"$PASSWORD\"}" \
  "$BASE/api/v1/auth/login" |
  tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*kindred_session=[^;]*\).*/\1/p' | head -n1)
if [ -z "$COOKIE" ]; then
  echo "sign-in did not return a session cookie" >&2
  exit 1
fi

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo '+changes')"

RESULTS="$WORK/results.jsonl"
loadgen() {
  "$LOADGEN" --connections "$CONNECTIONS" --duration "$DURATION" --warmup "$WARMUP" \
    --threads "$LOADGEN_THREADS" --server-pid "$SERVER_PID" "$@" | tee -a "$RESULTS"
}

echo "== saturation: $CONNECTIONS connections, ${DURATION} s each"
loadgen --label healthz --url "$BASE/healthz" --expect ok
loadgen --label dashboard --url "$BASE/dashboard" --cookie "$COOKIE" --expect "My groups"
echo "== fixed rate: $RATE req/s, ${DURATION} s each"
loadgen --label healthz --url "$BASE/healthz" --rate "$RATE"
loadgen --label dashboard --url "$BASE/dashboard" --cookie "$COOKIE" --rate "$RATE"

echo
python3 - "$RESULTS" "$RATE" <<'PY'
import json, sys

runs = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
rate = float(sys.argv[2])
get = lambda label, mode: next(r for r in runs if r["label"] == label and r["mode"] == mode)
h_sat, d_sat = get("healthz", "saturation"), get("dashboard", "saturation")
h_rate, d_rate = get("healthz", "rate"), get("dashboard", "rate")

def fmt(v, spec=".2f"):
    return "-" if v is None else format(v, spec)

print(f"{'':12} {'saturation rps':>15} {'server µs/req':>14} | {'at %g req/s:' % rate:>17} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'missed':>7}")
for name, sat, fixed in (("/healthz", h_sat, h_rate), ("/dashboard", d_sat, d_rate)):
    lat = fixed["latency_ms"]
    print(f"{name:12} {sat['rps']:>15.0f} {fmt(sat['server_cpu_us_per_request'], '.0f'):>14} | "
          f"{fixed['rps']:>13.0f} rps {fmt(lat['p50']):>8} {fmt(lat['p99']):>8} {fmt(lat['max']):>8} {fixed['missed']:>7}")

failures = [f"{r['label']} {r['mode']}: {r['non_2xx']} non-2xx, {r['errors']} errors"
            for r in runs if r["non_2xx"] or r["errors"]]
ratio = d_sat["rps"] / h_sat["rps"] if h_sat["rps"] else 0.0
p99 = d_rate["latency_ms"]["p99"]
ratio_ok = ratio >= 0.25
p99_ok = p99 is not None and p99 <= 25.0 and d_rate["missed"] == 0
print()
print(f"dashboard / healthz rps at saturation: {ratio:.3f}  (goal ≥ 0.25)  {'MET' if ratio_ok else 'MISSED'}")
print(f"dashboard p99 at {rate:g} req/s: {fmt(p99)} ms  (goal ≤ 25 ms)  {'MET' if p99_ok else 'MISSED'}")
if failures:
    print("failed requests:", "; ".join(failures))
sys.exit(0 if ratio_ok and p99_ok and not failures else 2)
PY
