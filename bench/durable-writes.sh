#!/usr/bin/env bash
# Durable writes on the H2 file, one build against another, in one run beside a bare Helidon route:
#
#   bench/durable-writes.sh [SECONDS] [BEFORE_DIR]     (default 15 s per figure)
#
# For each build (this checkout's jars; BEFORE_DIR's too when given: a folder holding
# user-service/user-service.jar and order-service/order-service.jar with their libs/, e.g. copied
# from another checkout's services/*/target/): starts both services on a new data folder, warms up, then measures durable POST /users and POST /orders
# (wrk -t2 -c16), and prints requests/s and ratios to the bare route B (wrk -t2 -c64) measured
# before each build. Needs wrk and the jars (./mvnw -pl services/order-service -am package
# -DskipTests). Targets only 127.0.0.1.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
. .mvn/find-jdk.sh
secs="${1:-15}"
before="${2:-}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f services/order-service/target/order-service.jar ] || { echo "build the jars first: ./mvnw -pl services/order-service -am package -DskipTests" >&2; exit 1; }

work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
wait_for() { for _ in $(seq 1 120); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }
rate() { awk '/Requests\/sec/ {print $2}'; }

"$JAVA_HOME/bin/java" -cp "services/user-service/target/libs/*" bench/BareRoute.java 18090 >"$work/bare.log" 2>&1 &
pids+=($!)
wait_for http://127.0.0.1:18090/hello
wrk -t2 -c64 -d"${secs}s" http://127.0.0.1:18090/hello >/dev/null

# measure LABEL DIR [JAVA_OPTION]: DIR holds user-service/ and order-service/
measure() {
  local label="$1" dir="$2" option="${3:--Dopsconsole.bench=1}" tag="$RANDOM" up op
  local data="$work/data-$tag"
  "$JAVA_HOME/bin/java" -Xmx1g -Dserver.port=18381 -Ddata-dir="$data" -Ddemo-data=false "$option" \
    -jar "$dir/user-service/user-service.jar" >"$work/users-$tag.log" 2>&1 &
  up=$!; pids+=($up)
  wait_for http://127.0.0.1:18381/observe/health
  "$JAVA_HOME/bin/java" -Xmx1g -Dserver.port=18382 -Ddata-dir="$data" -Ddemo-data=false "$option" \
    -Duser-service.url=http://127.0.0.1:18381 -jar "$dir/order-service/order-service.jar" >"$work/orders-$tag.log" 2>&1 &
  op=$!; pids+=($op)
  wait_for http://127.0.0.1:18382/observe/health
  wrk -t2 -c16 -d"${secs}s" -s bench/post-users.lua http://127.0.0.1:18381 -- "w$tag" >/dev/null
  wrk -t2 -c16 -d"${secs}s" -s bench/post-orders.lua http://127.0.0.1:18382 -- 1000 >/dev/null
  local b u o
  b=$(wrk -t2 -c64 -d"${secs}s" http://127.0.0.1:18090/hello | rate)
  u=$(wrk -t2 -c16 -d"${secs}s" -s bench/post-users.lua http://127.0.0.1:18381 -- "m$tag" | rate)
  o=$(wrk -t2 -c16 -d"${secs}s" -s bench/post-orders.lua http://127.0.0.1:18382 -- 1000 | rate)
  kill -TERM "$op" "$up"; wait "$op" "$up" 2>/dev/null || true
  awk -v l="$label" -v b="$b" -v u="$u" -v o="$o" \
    'BEGIN {printf "%-22s %10.0f %12.0f %6.3f %12.0f %6.3f\n", l, b, u, u / b, o, o / b}'
}

mkdir -p "$work/now"
for s in user-service order-service; do ln -s "$here/services/$s/target" "$work/now/$s"; done
printf '%-22s %10s %12s %6s %12s %6s\n' build "B req/s" "POST /users" "/B" "POST /orders" "/B"
[ -z "$before" ] || measure before "$before"
measure now "$work/now"
