#!/usr/bin/env bash
# Server throughput on a 100,000-booking demo database (issue: hibachi-server
# speed). Prints figures; never fails on time. Needs wrk
# (build-aux/install-deps --bench).
set -euo pipefail
server=$1
bookings=${BENCH_BOOKINGS:-100000}
duration=${BENCH_SECONDS:-10}
command -v wrk >/dev/null || { echo "wrk is not installed: build-aux/install-deps --bench"; exit 0; }

dir=$(mktemp -d /tmp/hibachi-bench-XXXXXX)
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$dir"' EXIT

start=$(date +%s.%N)
"$server" --demo --demo-bookings "$bookings" --port 0 --db "$dir/bench.db" >"$dir/out" 2>"$dir/err" &
pid=$!
for _ in $(seq 600); do grep -q Listening "$dir/out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^Listening on //p' "$dir/out")
ready=$(date +%s.%N)
echo "demo database: $bookings bookings, seeded and listening in $(awk -v a="$start" -v b="$ready" 'BEGIN {printf "%.1f", b - a}') s ($(cat "$dir/err"))"
echo "database size: $(du -h "$dir/bench.db" | cut -f1)"

token=$(curl -s -X POST "$url/api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"owner@demo.test","password":"hibachi-demo"}' | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
id=$(curl -s "$url/api/v1/bookings?limit=1&page=500" -H "Authorization: Bearer $token" | sed -n 's/.*"data":\[{"id":"\([^"]*\)".*/\1/p')
rss_before=$(ps -o rss= -p $pid)

run () {
  local name=$1 path=$2
  # one warm-up request, then the measured run
  curl -s -o /dev/null "$url$path" -H "Authorization: Bearer $token"
  wrk -t2 -c50 -d"${duration}s" --latency -H "Authorization: Bearer $token" "$url$path" >"$dir/wrk" 2>&1
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$dir/wrk")
  p50=$(awk '$1 == "50%" {print $2}' "$dir/wrk")
  p99=$(awk '$1 == "99%" {print $2}' "$dir/wrk")
  errors=$(grep -E "Non-2xx|Socket errors" "$dir/wrk" | tr '\n' ' ' || true)
  printf '%-34s %10s req/s   p50 %8s   p99 %8s  %s\n' "$name" "$rps" "$p50" "$p99" "$errors"
}

echo "wrk -t2 -c50 -d${duration}s on $(nproc) cores:"
run "GET /bookings?page=1&limit=50" "/api/v1/bookings?page=1&limit=50"
run "GET /bookings?page=1000&limit=50" "/api/v1/bookings?page=1000&limit=50"
run "GET /bookings/{id}" "/api/v1/bookings/$id"
run "GET /bookings?status=pending&sort=-total" "/api/v1/bookings?status=pending&sort=-total&limit=50"
run "GET /bookings?q=garcia (5% match)" "/api/v1/bookings?q=garcia&limit=50"
run "GET /bookings?q=MH-150000 (one)" "/api/v1/bookings?q=MH-150000&limit=50"
echo "server RSS: $((rss_before / 1024)) MiB before load, $(($(ps -o rss= -p $pid) / 1024)) MiB after"
