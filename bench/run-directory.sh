#!/usr/bin/env bash
# The directory benchmark: 100,000 groups across 5,000 organizations, a search with words,
# three filters and a distance, first page, p50/p99 next to a primary-key read of one group,
# on SQLite and (when a URL is given or KINDRED_TEST_POSTGRES_URL is set) PostgreSQL.
#   bench/run-directory.sh [postgres://postgres@127.0.0.1:5432/test]
set -euo pipefail
cd "$(dirname "$0")/.."
url="${1:-${KINDRED_TEST_POSTGRES_URL:-}}"
cargo build --release -p kindred-bench --bin directory
if [ -n "$url" ]; then
  exec target/release/directory --postgres-url "$url"
else
  exec target/release/directory
fi
