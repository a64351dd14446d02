# Shared by the benchmark scripts (sourced, not run): start `kindred demo` on a fresh SQLite
# file in its own process, wait until it answers, stop it and remove its files on exit.
#
# Needs BASE, PORT, PASSWORD and KINDRED set; sets WORK (the temporary folder) and SERVER_PID.

if curl -s -o /dev/null "$BASE/healthz"; then
  echo "something already answers on $BASE; set KINDRED_BENCH_PORT to a free port" >&2
  exit 1
fi

WORK=$(mktemp -d /tmp/kindred-bench.XXXXXX)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== starting kindred demo on $BASE (SQLite in $WORK)"
KINDRED_DEMO_PASSWORD="$PASSWORD" "$KINDRED" demo \
  --database-url "sqlite://$WORK/kindred.db" \
  --addr "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 240); do
  if curl -fs -o /dev/null "$BASE/healthz"; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "kindred exited before serving:" >&2
    cat "$WORK/server.log" >&2
    exit 1
  fi
  sleep 0.25
done
curl -fs -o /dev/null "$BASE/healthz" || { echo "kindred did not answer /healthz within 60 s" >&2; exit 1; }
