#!/usr/bin/env bash
# Benchmarks the services against a bare Helidon route, in one run, on this machine.
#
#   bench/services.sh [SECONDS]      (default 15 s per measurement, after a 15 s warm-up each)
#
# Measures with wrk: a bare Helidon route (the reference B), GET /users/{id}, GET /users?limit=20
# (wrk -t2 -c64), a metrics scrape over one kept-alive connection, as the console scrapes (wrk -t1 -c1), durable POST /users and POST /orders (wrk -t2 -c16), then the latency of
# GET /users/{id} at half its measured maximum rate (wrk with per-connection pacing), and the
# resident memory of `serve` idle and under load. Then the same four measurements on PostgreSQL
# (a private server started here from the postgresql package, synchronous_commit=on: every
# acknowledged write is fsynced), against one instance of each service and against two
# instances on the same databases (two wrk at once, one per instance, half the connections each).
# Prints requests/s and ratios to B. Needs wrk and postgresql (apt-get install wrk postgresql).
# Targets only 127.0.0.1.
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
# the console's scrape: one kept-alive connection, the families its charts use (a streamed answer)
scrape=$(wrk -t1 -c1 -d"${secs}s" "http://127.0.0.1:18081/observe/metrics?name%5B%5D=http_server_requests_seconds&name%5B%5D=jvm_memory_used_bytes&name%5B%5D=jvm_threads_live_threads" | rate)
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

kill "$serve_pid" 2>/dev/null || true

echo "== PostgreSQL: a private server, one and then two instances of each service"
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort | tail -n 1)
[ -x "$pgbin/initdb" ] || { echo "postgresql is missing: apt-get install postgresql" >&2; exit 1; }
pg="$work/pg"; mkdir -p "$pg"; chmod 755 "$work"  # the postgres user must reach its folder
as_pg() { if [ "$(id -u)" = 0 ]; then chown -R postgres "$pg"; su postgres -c "$1"; else sh -c "$1"; fi; }
as_pg "$pgbin/initdb -D $pg/data -A trust -U postgres >/dev/null"
as_pg "$pgbin/pg_ctl -D $pg/data -o '-p 15432 -k $pg -c listen_addresses=127.0.0.1 -c max_connections=200' -l $pg/pg.log -w start >/dev/null"
pg_stop() { as_pg "$pgbin/pg_ctl -D $pg/data -m fast -w stop >/dev/null" || true; }
trap 'pg_stop; cleanup' EXIT
psql -q -h 127.0.0.1 -p 15432 -U postgres -c 'CREATE DATABASE users' -c 'CREATE DATABASE orders'
users_db="jdbc:postgresql://127.0.0.1:15432/users?user=postgres"
orders_db="jdbc:postgresql://127.0.0.1:15432/orders?user=postgres"
start_jar() { # service port users-url-or-empty
  "$JAVA_HOME/bin/java" -Xmx1g -Dserver.port="$2" -Ddemo-data=false -Djdbc-url="$([ "$1" = user ] && echo "$users_db" || echo "$orders_db")" \
    ${3:+-Duser-service.url=$3} -jar "services/$1-service/target/$1-service.jar" >>"$work/pg-serve.log" 2>&1 &
  pids+=($!)
}
start_jar user 18181; start_jar order 18182 http://127.0.0.1:18181
wait_for http://127.0.0.1:18181/observe/health; wait_for http://127.0.0.1:18182/observe/health
wrk -t2 -c16 -d"${secs}s" -s bench/post-users.lua http://127.0.0.1:18181 -- pgwarm >/dev/null
wrk -t2 -c64 -d"${secs}s" -s bench/get-user.lua http://127.0.0.1:18181 -- 1000 >/dev/null
wrk -t2 -c16 -d"${secs}s" -s bench/post-orders.lua http://127.0.0.1:18182 -- 1000 >/dev/null
pg_bare=$(wrk -t2 -c64 -d"${secs}s" http://127.0.0.1:18090/hello | rate)
pg_get_one=$(wrk -t2 -c64 -d"${secs}s" -s bench/get-user.lua http://127.0.0.1:18181 -- 1000 | rate)
pg_get_page=$(wrk -t2 -c64 -d"${secs}s" "http://127.0.0.1:18181/users?limit=20" | rate)
pg_post_user=$(wrk -t2 -c16 -d"${secs}s" -s bench/post-users.lua http://127.0.0.1:18181 -- pgone | rate)
pg_post_order=$(wrk -t2 -c16 -d"${secs}s" -s bench/post-orders.lua http://127.0.0.1:18182 -- 1000 | rate)

start_jar user 18191; start_jar order 18192 http://127.0.0.1:18191
wait_for http://127.0.0.1:18191/observe/health; wait_for http://127.0.0.1:18192/observe/health
wrk -t2 -c8 -d"${secs}s" -s bench/post-users.lua http://127.0.0.1:18191 -- pgwarm2 >/dev/null
both() { # script connections path-a path-b args...: two wrk at once, summed rate
  local script="$1" c="$2" a="$3" b="$4"; shift 4
  wrk -t1 -c"$c" -d"${secs}s" ${script:+-s "$script"} "$a" "$@" a >"$work/a.out" &
  local wa=$!
  wrk -t1 -c"$c" -d"${secs}s" ${script:+-s "$script"} "$b" "$@" b >"$work/b.out"
  wait "$wa"
  awk '/Requests\/sec/ {s += $2} END {print s}' "$work/a.out" "$work/b.out"
}
pg2_get_one=$(both bench/get-user.lua 32 http://127.0.0.1:18181 http://127.0.0.1:18191 -- 1000)
pg2_get_page=$(both "" 32 "http://127.0.0.1:18181/users?limit=20" "http://127.0.0.1:18191/users?limit=20")
pg2_post_user=$(both bench/post-users.lua 8 http://127.0.0.1:18181 http://127.0.0.1:18191 --)
pg2_post_order=$(both bench/post-orders.lua 8 http://127.0.0.1:18182 http://127.0.0.1:18192 -- 1000)

ratio() { awk -v a="$1" -v b="${2:-$bare}" 'BEGIN {printf "%.2f", a / b}'; }
echo
printf "%-34s %12s %10s\n" "measurement (H2, one process)" "requests/s" "ratio to B"
printf "%-34s %12.0f %10s\n" "B: bare Helidon route (c64)" "$bare" "1.00"
printf "%-34s %12.0f %10s\n" "GET /users/{id} (c64)" "$get_one" "$(ratio "$get_one")"
printf "%-34s %12.0f %10s\n" "GET /users?limit=20 (c64)" "$get_page" "$(ratio "$get_page")"
printf "%-34s %12.0f %10s\n" "GET /observe/metrics (c1)" "$scrape" "$(ratio "$scrape")"
printf "%-34s %12.0f %10s\n" "POST /users, durable (c16)" "$post_user" "$(ratio "$post_user")"
printf "%-34s %12.0f %10s\n" "POST /orders, durable (c16)" "$post_order" "$(ratio "$post_order")"
echo
printf "%-34s %12s %10s %12s %10s\n" "measurement (PostgreSQL)" "1 instance" "ratio" "2 instances" "ratio"
printf "%-34s %12.0f %10s\n" "B: bare Helidon route (c64)" "$pg_bare" "1.00"
printf "%-34s %12.0f %10s %12.0f %10s\n" "GET /users/{id} (c64)" "$pg_get_one" "$(ratio "$pg_get_one" "$pg_bare")" "$pg2_get_one" "$(ratio "$pg2_get_one" "$pg_bare")"
printf "%-34s %12.0f %10s %12.0f %10s\n" "GET /users?limit=20 (c64)" "$pg_get_page" "$(ratio "$pg_get_page" "$pg_bare")" "$pg2_get_page" "$(ratio "$pg2_get_page" "$pg_bare")"
printf "%-34s %12.0f %10s %12.0f %10s\n" "POST /users, fsynced (c16)" "$pg_post_user" "$(ratio "$pg_post_user" "$pg_bare")" "$pg2_post_user" "$(ratio "$pg2_post_user" "$pg_bare")"
printf "%-34s %12.0f %10s %12.0f %10s\n" "POST /orders, fsynced (c16)" "$pg_post_order" "$(ratio "$pg_post_order" "$pg_bare")" "$pg2_post_order" "$(ratio "$pg2_post_order" "$pg_bare")"
echo "(two instances: two wrk at once, one per instance, each with half the connections; rates summed)"
echo
echo "GET /users/{id} paced at ~${half}/s (half its maximum): achieved ${paced_rate}/s, p50 ${p50}, p99 ${p99}"
echo "   (wrk paces each connection; it does not correct coordinated omission)"
echo "serve resident memory: idle ${idle_rss} MB, under load ${load_rss} MB, after write load ${peak_rss} MB"
echo "database files: $(du -sh "$work/data" | cut -f1) after the run"
