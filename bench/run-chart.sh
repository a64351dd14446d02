#!/usr/bin/env bash
# Audit cost benchmark (issue 5): the member chart page with the audit trail on, against the
# same page with it off, in one run on SQLite.
#
#   bench/run-chart.sh
#
# Builds `kindred` with the benchmark-only `bench` feature (it reads KINDRED_BENCH_AUDIT=off
# at start; a normal build has no such switch) and `loadgen`, in release. Starts
# `kindred demo` on a fresh SQLite file, signs in as clinician@demo.kindred.test, finds
# member@demo.kindred.test's chart in the clinician's organization, then measures
# saturation (closed loop, CONNECTIONS keep-alive connections, DURATION s) ROUNDS times
# each way on the same database, restarting the server with the switch set, in the order
# on, off, off, on, on, off, …: the machine's speed drifts over a run, and alternating
# cancels the drift instead of charging it to one side. With the audit off the chart is
# read in a reader's snapshot with no event, as a page without auditing would be; with it
# on, the reads and their event share one write transaction (and the events table grows
# from one "on" run to the next). Goal: the summed requests "on" ≥ 0.8 × those "off".
# Exits 2 when missed.
#
# Settings (environment): KINDRED_BENCH_PORT (18080), CONNECTIONS (16), DURATION (8),
# ROUNDS (3), WARMUP (2), LOADGEN_THREADS (1).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=${KINDRED_BENCH_PORT:-18080}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-8}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-2}
LOADGEN_THREADS=${LOADGEN_THREADS:-1}
PASSWORD=${KINDRED_DEMO_PASSWORD:-kindred-demo}
BASE="http://127.0.0.1:$PORT"

echo "== building kindred (bench feature) and loadgen (release)"
# Its own target folder: a release build of `kindred` must never carry the switch.
cargo build --release --quiet -p kindred-server --features bench --target-dir target/bench
cargo build --release --quiet -p kindred-bench
KINDRED=target/bench/release/kindred
LOADGEN=target/release/loadgen

# shellcheck source=bench/demo-server.sh
source bench/demo-server.sh

sign_in() {
  curl -fs -D - -o /dev/null -H 'Content-Type: application/json' \
    --data "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/login" |
    tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*kindred_session=[^;]*\).*/\1/p' | head -n1
}
json_field() {
  python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {'d': d}))" "$1"
}

echo "== finding the chart"
MEMBER_COOKIE=$(sign_in member@demo.kindred.test)
MEMBER=$(curl -fs -H "Cookie: $MEMBER_COOKIE" "$BASE/api/v1/me" | json_field "d['id']")
COOKIE=$(sign_in clinician@demo.kindred.test)
ORG=$(curl -fs -H "Cookie: $COOKIE" "$BASE/api/v1/me" | json_field "d['roles'][0]['org_id']")
CHART="$BASE/orgs/$ORG/members/$MEMBER"
NOTES=$(curl -fs -H "Cookie: $COOKIE" "$BASE/api/v1/orgs/$ORG/members/$MEMBER/chart" |
  json_field "len(d['notes'])")
echo "   $CHART ($NOTES signed notes)"

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo '+changes')"

RESULTS="$WORK/results.jsonl"
measure() {
  "$LOADGEN" --connections "$CONNECTIONS" --duration "$DURATION" --warmup "$WARMUP" \
    --threads "$LOADGEN_THREADS" --server-pid "$SERVER_PID" \
    --label "$1" --url "$CHART" --cookie "$COOKIE" --expect "Member chart" | tee -a "$RESULTS"
}

# Restarts the server on the same database (and key), the audit switch set as given.
restart() {
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  KINDRED_BENCH_AUDIT="$1" KINDRED_DEMO_PASSWORD="$PASSWORD" "$KINDRED" demo --keep \
    --database-url "sqlite://$WORK/kindred.db" \
    --addr "127.0.0.1:$PORT" >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 240); do
    if curl -fs -o /dev/null "$BASE/healthz"; then return 0; fi
    sleep 0.25
  done
  echo "kindred did not come back" >&2
  cat "$WORK/server.log" >&2
  exit 1
}

echo "== saturation: $CONNECTIONS connections, ${DURATION} s each, $ROUNDS rounds each way"
# The demo server answers with the audit on; each measurement restarts it with the switch.
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then order="on off"; else order="off on"; fi
  for mode in $order; do
    restart "$mode"
    measure "audit-$mode-$round"
  done
done

echo
python3 - "$RESULTS" <<'PY'
import json, sys

runs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
for r in runs:
    cpu = r.get("server_cpu_us_per_request")
    print(f"{r['label']:12} {r['rps']:>9.0f} req/s   p50 {r['latency_ms']['p50']:.2f} ms   "
          f"p99 {r['latency_ms']['p99']:.2f} ms   server {cpu if cpu is None else round(cpu)} µs/req")
on = sum(r["rps"] for r in runs if r["label"].startswith("audit-on"))
off = sum(r["rps"] for r in runs if r["label"].startswith("audit-off"))
failures = [f"{r['label']}: {r['non_2xx']} non-2xx, {r['errors']} errors"
            for r in runs if r["non_2xx"] or r["errors"]]
ratio = on / off if off else 0.0
ok = ratio >= 0.8 and not failures
print()
print(f"chart with audit / without: {ratio:.3f}  (goal ≥ 0.8)  {'MET' if ok else 'MISSED'}")
if failures:
    print("failed requests:", "; ".join(failures))
sys.exit(0 if ok else 2)
PY
