#!/usr/bin/env bash
# Benchmarks the services against a bare Helidon route, in one run, on this machine.
#
#   bench/services.sh [SECONDS]      (default 15 s per measurement, after a 15 s warm-up each)
#
# Measures with wrk: a bare Helidon route (the reference B), GET /users/{id}, GET /users?limit=20
# (wrk -t2 -c64), durable POST /users and POST /orders (wrk -t2 -c16), then the latency of
# GET /users/{id} at half its measured maximum rate (wrk with per-connection pacing), and the
# resident memory of `serve` idle and under load. Prints requests/s and ratios to B.
# Needs wrk (apt-get install wrk). Targets only 127.0.0.1.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
. .mvn/find-jdk.sh
secs="${1:-15}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f console-app/target/opsconsole.jar ] || ./mvnw -q -B -DskipTests install

work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

wait_for() { for _ in $(seq 1 120); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
rate() { awk '/Requests\/sec/ {print $2}'; }

"$JAVA_HOME/bin/java" -cp "services/user-service/target/libs/*" bench/BareRoute.java 18090 >"$work/bare.log" 2>&1 &
pids+=($!)
"$JAVA_HOME/bin/java" -Xmx1g -jar console-app/target/opsconsole.jar serve --user-port 18081 --order-port 18082 \
  --data-dir "$work/data" --no-demo-data >"$work/serve.log" 2>&1 &
serve_pid=$!
pids+=($serve_pid)
wait_for http://127.0.0.1:18090/hello
wait_for http://127.0.0.1:18082/observe/health
sleep 3
idle_rss=$(rss_mb $serve_pid)

echo "== seeding 1000 users, warming up (${secs}s each)"
wrk -t2 -c16 -d"${secs}s" -s bench/post-users.lua http://127.0.0.1:18081 >/dev/null
wrk -t2 -c64 -d"${secs}s" http://127.0.0.1:18090/hello >/dev/null
wrk -t2 -c64 -d"${secs}s" -s bench/get-user.lua http://127.0.0.1:18081 -- 1000 >/dev/null
wrk -t2 -c64 -d"${secs}s" "http://127.0.0.1:18081/users?limit=20" >/dev/null
wrk -t2 -c16 -d"${secs}s" -s bench/post-orders.lua http://127.0.0.1:18082 -- 1000 >/dev/null

echo "== measuring (${secs}s each)"
bare=$(wrk -t2 -c64 -d"${secs}s" http://127.0.0.1:18090/hello | rate)
get_one=$(wrk -t2 -c64 -d"${secs}s" -s bench/get-user.lua http://127.0.0.1:18081 -- 1000 | rate)
load_rss=$(rss_mb $serve_pid)
get_page=$(wrk -t2 -c64 -d"${secs}s" "http://127.0.0.1:18081/users?limit=20" | rate)
post_user=$(wrk -t2 -c16 -d"${secs}s" -s bench/post-users.lua http://127.0.0.1:18081 | rate)
post_order=$(wrk -t2 -c16 -d"${secs}s" -s bench/post-orders.lua http://127.0.0.1:18082 -- 1000 | rate)
peak_rss=$(rss_mb $serve_pid)

# half the measured maximum: 64 connections, each pausing so that together they offer get_one/2 per second
half=$(awk -v r="$get_one" 'BEGIN {printf "%d", r / 2}')
pause=$(awk -v r="$half" 'BEGIN {printf "%d", 64 * 1000 / r}')
paced=$(wrk -t2 -c64 -d"${secs}s" --latency -s bench/paced.lua http://127.0.0.1:18081 -- /users/7 "$pause")
paced_rate=$(echo "$paced" | rate)
p99=$(echo "$paced" | awk '$1 == "99%" {print $2}')
p50=$(echo "$paced" | awk '$1 == "50%" {print $2}')

ratio() { awk -v a="$1" -v b="$bare" 'BEGIN {printf "%.2f", a / b}'; }
echo
printf "%-34s %12s %10s\n" "measurement" "requests/s" "ratio to B"
printf "%-34s %12.0f %10s\n" "B: bare Helidon route (c64)" "$bare" "1.00"
printf "%-34s %12.0f %10s\n" "GET /users/{id} (c64)" "$get_one" "$(ratio "$get_one")"
printf "%-34s %12.0f %10s\n" "GET /users?limit=20 (c64)" "$get_page" "$(ratio "$get_page")"
printf "%-34s %12.0f %10s\n" "POST /users, durable (c16)" "$post_user" "$(ratio "$post_user")"
printf "%-34s %12.0f %10s\n" "POST /orders, durable (c16)" "$post_order" "$(ratio "$post_order")"
echo
echo "GET /users/{id} paced at ~${half}/s (half its maximum): achieved ${paced_rate}/s, p50 ${p50}, p99 ${p99}"
echo "   (wrk paces each connection; it does not correct coordinated omission)"
echo "serve resident memory: idle ${idle_rss} MB, under load ${load_rss} MB, after write load ${peak_rss} MB"
echo "database files: $(du -sh "$work/data" | cut -f1) after the run"
