#!/usr/bin/env bash
# Live-room benchmark: Kindred's online group rooms (websockets) against a bare broadcast
# websocket server, with the same load, in one run on SQLite.
#
#   bench/run-rooms.sh
#
# Builds `kindred` and `rooms` in release. Seeds a fresh SQLite file (`rooms seed`): one
# organization with ROOMS online groups of PER_ROOM members (enrolled, agreement signed,
# signed in), one session each starting in 5 minutes, so every room is open. Starts
# `kindred serve` on it and the baseline (`rooms baseline-server`: tokio-tungstenite, one
# broadcast channel per room, no sign-in, no storage) as its own process, then `rooms run`
# measures Kindred and then the baseline the same way:
#   - connect every member (CONNECT_CONCURRENCY at a time, with retries) and wait for each
#     `welcome`; read the server's RSS before and after IDLE seconds of idle connections;
#   - delivery: one message a second per room, the sender rotating through the room, for
#     WARMUP + DURATION s (10,000 deliveries a second at 1,000 rooms of 10); latency from
#     when each message was due to each member's copy, lost and duplicated copies;
#   - throughput: SENDERS members each send one message a second for WARMUP + DURATION s;
#     a sender's own copy coming back is the acknowledgement that Kindred stored it;
#     acknowledged messages a second over the measured seconds, and those never
#     acknowledged GRACE s after the last send.
# Targets (Kindred's figures): delivery p99 <= 50 ms with 0 lost and 0 duplicated; idle
# memory <= 16 KiB per connection; >= 2,000 acknowledged messages a second. Prints both
# servers side by side and each target MET or MISSED; exits 2 when one is missed.
#
# Settings (environment): KINDRED_BENCH_PORT (18090; the baseline uses the next port),
# ROOMS (1000), PER_ROOM (10), DURATION (20), WARMUP (3), SENDERS (10000), IDLE (3),
# GRACE (5), CONNECT_CONCURRENCY (100), LOADGEN_THREADS (2), RESULTS_JSON (a path to keep
# the figures as JSON; by default they go with the temporary folder).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=${KINDRED_BENCH_PORT:-18090}
BASELINE_PORT=$((PORT + 1))
ROOMS=${ROOMS:-1000}
PER_ROOM=${PER_ROOM:-10}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-3}
SENDERS=${SENDERS:-10000}
IDLE=${IDLE:-3}
GRACE=${GRACE:-5}
CONNECT_CONCURRENCY=${CONNECT_CONCURRENCY:-100}
LOADGEN_THREADS=${LOADGEN_THREADS:-2}
BASE="http://127.0.0.1:$PORT"

# 10,000 sockets in the generator and as many in each server: every process started from
# here inherits the raised limit.
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((ROOMS * PER_ROOM + 1000)) ]; then
  echo "the open-file limit ($(ulimit -n)) is too low for $((ROOMS * PER_ROOM)) sockets" >&2
  exit 1
fi

echo "== building kindred and rooms (release)"
cargo build --release --quiet -p kindred-server
cargo build --release --quiet -p kindred-bench --bin rooms
TARGET_DIR=${CARGO_TARGET_DIR:-target}
KINDRED=$TARGET_DIR/release/kindred
ROOMS_BIN=$TARGET_DIR/release/rooms

for p in "$PORT" "$BASELINE_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "something already listens on port $p; set KINDRED_BENCH_PORT to a free port" >&2
    exit 1
  fi
done

WORK=$(mktemp -d /tmp/kindred-rooms.XXXXXX)
SERVER_PID=
BASELINE_PID=
stop() {
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
    kill -TERM "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
  fi
}
cleanup() {
  stop "$SERVER_PID"
  stop "$BASELINE_PID"
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== seeding $ROOMS rooms of $PER_ROOM members (SQLite in $WORK)"
"$KINDRED" keys generate --data-key-file "$WORK/data.key" >/dev/null
"$ROOMS_BIN" seed --database "$WORK/kindred.db" --data-key-file "$WORK/data.key" \
  --members "$WORK/members.txt" --rooms "$ROOMS" --per-room "$PER_ROOM"

echo "== starting kindred serve on $BASE and the baseline on port $BASELINE_PORT"
"$KINDRED" serve --database-url "sqlite://$WORK/kindred.db" --addr "127.0.0.1:$PORT" \
  --data-key-file "$WORK/data.key" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
"$ROOMS_BIN" baseline-server --addr "127.0.0.1:$BASELINE_PORT" >"$WORK/baseline.log" 2>&1 &
BASELINE_PID=$!
for _ in $(seq 1 240); do
  if curl -fs -o /dev/null "$BASE/healthz" &&
    (exec 3<>"/dev/tcp/127.0.0.1/$BASELINE_PORT") 2>/dev/null; then
    break
  fi
  for pid in "$SERVER_PID" "$BASELINE_PID"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "a server exited before serving:" >&2
      cat "$WORK/server.log" "$WORK/baseline.log" >&2
      exit 1
    fi
  done
  sleep 0.25
done
curl -fs -o /dev/null "$BASE/healthz" || { echo "kindred did not answer within 60 s" >&2; exit 1; }

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), open files $(ulimit -n), $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo '+changes')"

status=0
"$ROOMS_BIN" run --members "$WORK/members.txt" \
  --kindred "127.0.0.1:$PORT" --kindred-pid "$SERVER_PID" \
  --baseline "127.0.0.1:$BASELINE_PORT" --baseline-pid "$BASELINE_PID" \
  --duration "$DURATION" --warmup "$WARMUP" --senders "$SENDERS" --idle "$IDLE" \
  --grace "$GRACE" --connect-concurrency "$CONNECT_CONCURRENCY" \
  --threads "$LOADGEN_THREADS" --json "$WORK/results.json" || status=$?

if [ -n "${RESULTS_JSON:-}" ] && [ -f "$WORK/results.json" ]; then
  cp "$WORK/results.json" "$RESULTS_JSON"
fi
if grep -qiE "panic|error" "$WORK/server.log"; then
  echo
  echo "kindred's log has errors (last lines):"
  grep -iE "panic|error" "$WORK/server.log" | tail -n 5
fi
case $status in
  0) echo "all targets met" ;;
  2) echo "a target was missed"; exit 2 ;;
  *) echo "the benchmark failed (exit $status)" >&2; exit 1 ;;
esac
