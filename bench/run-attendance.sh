#!/usr/bin/env bash
# Attendance at scale, on SQLite, every figure beside a baseline from the same run:
#   (a) with 1,000,000 attendance rows the member dashboard keeps ≥ 0.25 × the /healthz
#       requests per second (saturation);
#   (b) a group's one-year attendance report renders in under 100 ms (p99), as the page
#       (/orgs/{org}/groups/{group}/report) and as JSON (/api/v1/…/attendance-report),
#       next to /healthz measured the same way.
#
#   bench/run-attendance.sh
#
# Builds `kindred`, `loadgen` and `seed_attendance` in release, starts `kindred demo` on a
# fresh SQLite file in its own process and, once it answers, runs `seed_attendance` on the
# same file: a year of weekly held sessions for the demo's groups (members who joined through
# the year, former members, everyone on each roster marked; member@demo.kindred.test in each
# of their groups all year) and a generated organization of copies of those groups, up to
# ROWS attendance rows. Then, against the running server:
#   1. saturation (closed loop, CONNECTIONS connections, DURATION s): /healthz, then
#      /dashboard as member@demo.kindred.test;
#   2. sequential (one connection, one request at a time, SEQ_DURATION s): /healthz, the
#      report page and the JSON report for REPORT_GROUP over its last 365 days, as the
#      group's organization administrator;
#   3. a fixed REPORT_RATE req/s (open loop, 4 connections, DURATION s) on the same three.
# Prints every run as a JSON line, the seeding summary, a table and the goals. Exits 2 when a goal is missed, 1 when
# the run itself failed.
#
# Settings (environment): KINDRED_BENCH_PORT (18080), ROWS (1000000), CONNECTIONS (32),
# DURATION (10), WARMUP (2), SEQ_DURATION (5), REPORT_RATE (20), LOADGEN_THREADS (1),
# REPORT_GROUP ("Self-Management Recovery Peer Group"), SEED_ANALYZE (0: the server never
# runs ANALYZE, so neither does the seed unless this is 1).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=${KINDRED_BENCH_PORT:-18080}
ROWS=${ROWS:-1000000}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
SEQ_DURATION=${SEQ_DURATION:-5}
REPORT_RATE=${REPORT_RATE:-20}
LOADGEN_THREADS=${LOADGEN_THREADS:-1}
REPORT_GROUP=${REPORT_GROUP:-Self-Management Recovery Peer Group}
SEED_ANALYZE=${SEED_ANALYZE:-0}
PASSWORD=${KINDRED_DEMO_PASSWORD:-kindred-demo}
BASE="http://127.0.0.1:$PORT"
START=$SECONDS

echo "== building kindred, loadgen and seed_attendance (release)"
cargo build --release --quiet -p kindred-server -p kindred-bench
KINDRED=target/release/kindred
LOADGEN=target/release/loadgen
SEEDER=target/release/seed_attendance

# shellcheck source=bench/demo-server.sh
source bench/demo-server.sh

echo "== seeding a year of attendance, $ROWS rows (the server keeps running)"
SEED_FLAGS=()
if [ "$SEED_ANALYZE" = 1 ]; then SEED_FLAGS+=(--analyze); fi
"$SEEDER" --database "$WORK/kindred.db" --target-rows "$ROWS" \
  --report-group "$REPORT_GROUP" "${SEED_FLAGS[@]}" >"$WORK/seed.json"
curl -fs -o /dev/null "$BASE/healthz" || { echo "kindred stopped answering while seeding" >&2; exit 1; }

seed_field() {
  python3 -c 'import json, sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."):
    v = v[k]
print(v)' "$WORK/seed.json" "$1"
}
ORG_ID=$(seed_field report.org_id)
GROUP_ID=$(seed_field report.group_id)
FROM=$(seed_field report.from)
TO=$(seed_field report.to)
ADMIN=$(seed_field report.admin_email)

sign_in() {
  curl -fs -D - -o /dev/null \
    -H 'Content-Type: application/json' \
    --data "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" \
    "$BASE/api/v1/auth/login" |
    tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*kindred_session=[^;]*\).*/\1/p' | head -n1
}
echo "== signing in as member@demo.kindred.test and as $ADMIN"
MEMBER_COOKIE=$(sign_in member@demo.kindred.test)
ADMIN_COOKIE=$(sign_in "$ADMIN")
if [ -z "$MEMBER_COOKIE" ] || [ -z "$ADMIN_COOKIE" ]; then
  echo "sign-in did not return a session cookie" >&2
  exit 1
fi

REPORT_PAGE="$BASE/orgs/$ORG_ID/groups/$GROUP_ID/report?from=$FROM&to=$TO"
REPORT_JSON="$BASE/api/v1/orgs/$ORG_ID/groups/$GROUP_ID/attendance-report?from=$FROM&to=$TO"

# The server must see the year: the report's own JSON, read once.
curl -fs -H "Cookie: $ADMIN_COOKIE" "$REPORT_JSON" >"$WORK/report.json" ||
  { echo "GET $REPORT_JSON failed" >&2; exit 1; }
python3 - "$WORK/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
rep = r["report"]
marked = sum(s["marked"] for s in rep["sessions"])
print(f"== report {r['range']['from']} to {r['range']['to']}: {len(rep['sessions'])} sessions, "
      f"{marked} marks, {len(rep['members'])} members, {len(rep['weeks'])} weeks, "
      f"{len(rep['absence_streaks'])} absence streaks")
if len(rep["sessions"]) < 45 or marked < 400:
    sys.exit("the report does not cover a year of weekly sessions; the figures would mean nothing")
PY

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo '+changes')"

RESULTS="$WORK/results.jsonl"
loadgen() {
  "$LOADGEN" --threads "$LOADGEN_THREADS" --server-pid "$SERVER_PID" "$@" | tee -a "$RESULTS"
}

echo "== saturation: $CONNECTIONS connections, ${DURATION} s each"
SAT=(--connections "$CONNECTIONS" --duration "$DURATION" --warmup "$WARMUP")
loadgen "${SAT[@]}" --label healthz --url "$BASE/healthz" --expect ok
loadgen "${SAT[@]}" --label dashboard --url "$BASE/dashboard" --cookie "$MEMBER_COOKIE" --expect "My groups"

echo "== sequential: one connection, ${SEQ_DURATION} s each"
SEQ=(--connections 1 --duration "$SEQ_DURATION" --warmup 1)
loadgen "${SEQ[@]}" --label seq-healthz --url "$BASE/healthz" --expect ok
loadgen "${SEQ[@]}" --label seq-report-page --url "$REPORT_PAGE" --cookie "$ADMIN_COOKIE" --expect ": attendance</h1>"
loadgen "${SEQ[@]}" --label seq-report-json --url "$REPORT_JSON" --cookie "$ADMIN_COOKIE" --expect '"sessions"'

echo "== fixed rate: $REPORT_RATE req/s, 4 connections, ${DURATION} s each"
FIXED=(--connections 4 --duration "$DURATION" --warmup "$WARMUP" --rate "$REPORT_RATE")
loadgen "${FIXED[@]}" --label rate-healthz --url "$BASE/healthz"
loadgen "${FIXED[@]}" --label rate-report-page --url "$REPORT_PAGE" --cookie "$ADMIN_COOKIE"
loadgen "${FIXED[@]}" --label rate-report-json --url "$REPORT_JSON" --cookie "$ADMIN_COOKIE"

echo
python3 - "$RESULTS" "$WORK/seed.json" "$REPORT_RATE" "$CONNECTIONS" "$DURATION" "$SEQ_DURATION" $((SECONDS - START)) <<'PY'
import json, sys

runs = {}
for line in open(sys.argv[1]):
    if line.strip():
        r = json.loads(line)
        runs[(r["label"], r["mode"])] = r
seed = json.load(open(sys.argv[2]))
rate, conns, duration, seq = float(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
elapsed = int(sys.argv[7])
rep = seed["report"]
gen = seed["generated"]

def fmt(v, spec=".2f"):
    return "-" if v is None else format(v, spec)

print(f"seeded in {seed['seconds']:.1f} s ({seed['transactions']} transactions, "
      f"ANALYZE {'run' if seed['analyzed'] else 'not run'}): {seed['attendance_rows']:,} attendance rows "
      f"(SELECT COUNT(*) FROM attendance), {seed['group_sessions']:,} sessions, "
      f"{seed['enrollments']:,} enrollments, {seed['accounts']:,} accounts")
print(f"  demo groups: {seed['demo']['groups']}, +{seed['demo']['sessions_added']} past sessions, "
      f"{seed['demo']['former_members']} former members, {seed['demo']['marks']:,} marks; "
      f"generated: {gen['groups']:,} groups, {gen['members']:,} members, {gen['marks']:,} marks")
m = seed["member"]
print(f"  {m['email']}: {m['marks']} marks in {m['groups']} groups")
print(f"  report: {rep['group']!r} {rep['from']} to {rep['to']}: {rep['marks']} marks on "
      f"{rep['sessions']} sessions, {rep['members']} members; as {rep['admin_email']}")
print()

header = (f"{'':26} {'requests':>9} {'rps':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
          f"{'server µs/req':>14} {'missed':>7}")
def row(name, r):
    lat = r["latency_ms"]
    print(f"  {name:24} {r['ok']:>9} {r['rps']:>8.0f} {fmt(lat['p50']):>8} {fmt(lat['p99']):>8} "
          f"{fmt(lat['max']):>8} {fmt(r['server_cpu_us_per_request'], '.0f'):>14} {r['missed']:>7}")

print(header)
print(f"saturation ({conns} connections, {duration} s)")
row("/healthz", runs[("healthz", "saturation")])
row("/dashboard (member)", runs[("dashboard", "saturation")])
print(f"sequential (1 connection, {seq} s)")
row("/healthz", runs[("seq-healthz", "saturation")])
row("report page (HTML)", runs[("seq-report-page", "saturation")])
row("report (JSON API)", runs[("seq-report-json", "saturation")])
print(f"at {rate:g} req/s (4 connections, {duration} s)")
row("/healthz", runs[("rate-healthz", "rate")])
row("report page (HTML)", runs[("rate-report-page", "rate")])
row("report (JSON API)", runs[("rate-report-json", "rate")])

failures = [f"{r['label']} {r['mode']}: {r['non_2xx']} non-2xx, {r['errors']} errors"
            for r in runs.values() if r["non_2xx"] or r["errors"]]
h_sat, d_sat = runs[("healthz", "saturation")], runs[("dashboard", "saturation")]
ratio = d_sat["rps"] / h_sat["rps"] if h_sat["rps"] else 0.0
goals = [(f"(a) with {seed['attendance_rows']:,} attendance rows, dashboard / healthz rps at saturation: "
          f"{ratio:.3f} ({d_sat['rps']:.0f} / {h_sat['rps']:.0f})  (goal ≥ 0.25)", ratio >= 0.25)]
def p99_goal(label, what, baseline):
    r, h = runs[label], runs[baseline]
    p99 = r["latency_ms"]["p99"]
    ok = p99 is not None and p99 < 100.0 and r["missed"] == 0 and r["ok"] > 0
    return (f"(b) one-year report, {what}: p99 {fmt(p99)} ms, p50 {fmt(r['latency_ms']['p50'])} ms "
            f"over {r['ok']} requests; /healthz p99 {fmt(h['latency_ms']['p99'])} ms  (goal < 100 ms)", ok)
goals.append(p99_goal(("seq-report-page", "saturation"), "page, sequential", ("seq-healthz", "saturation")))
goals.append(p99_goal(("seq-report-json", "saturation"), "JSON, sequential", ("seq-healthz", "saturation")))
goals.append(p99_goal(("rate-report-page", "rate"), f"page at {rate:g} req/s", ("rate-healthz", "rate")))
goals.append(p99_goal(("rate-report-json", "rate"), f"JSON at {rate:g} req/s", ("rate-healthz", "rate")))
print()
for text, ok in goals:
    print(f"{text}  {'MET' if ok else 'MISSED'}")
if failures:
    print("failed requests:", "; ".join(failures))
print(f"(whole run {elapsed} s before this table)")
sys.exit(0 if all(ok for _, ok in goals) and not failures else 2)
PY
