#!/usr/bin/env bash
# What the users read cache earns: GET /users/{id} with the cache (Caffeine) and without it
# (-Dusers.read-cache=false), each a users service from its jar on its own H2 file with the same
# 1000 users, against a bare Helidon route in the same run (the reference B).
#
#   bench/read-cache.sh [SECONDS] [ROUNDS]   (default 10 s per measurement, 3 rounds, after a warm-up)
#
# Rounds interleave B, cached and uncached, so a drift of the machine shows in all three. Prints
# requests/s and the ratio to B of each round, and the medians. Needs wrk (apt-get install wrk) and
# the jar (./mvnw -pl services/user-service -am package -DskipTests). Targets only 127.0.0.1.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
. .mvn/find-jdk.sh
secs="${1:-10}"
rounds="${2:-3}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
jar=services/user-service/target/user-service.jar
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -pl services/user-service -am package -DskipTests" >&2; exit 1; }

work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
wait_for() { for _ in $(seq 1 120); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }
rate() { awk '/Requests\/sec/ {print $2}'; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

"$JAVA_HOME/bin/java" -cp "services/user-service/target/libs/*" bench/BareRoute.java 18190 >"$work/bare.log" 2>&1 &
pids+=($!)
"$JAVA_HOME/bin/java" -Xmx512m -Dserver.port=18191 -Ddata-dir="$work/on" -Ddemo-data=false -jar "$jar" >"$work/on.log" 2>&1 &
pids+=($!)
"$JAVA_HOME/bin/java" -Xmx512m -Dserver.port=18192 -Ddata-dir="$work/off" -Ddemo-data=false -Dusers.read-cache=false \
  -jar "$jar" >"$work/off.log" 2>&1 &
pids+=($!)
wait_for http://127.0.0.1:18190/hello
wait_for http://127.0.0.1:18191/observe/health
wait_for http://127.0.0.1:18192/observe/health

echo "== seeding 1000 users in each, warming up (${secs}s each)"
for port in 18191 18192; do
  for i in $(seq 1 1000); do printf '{"name":"U%d","email":"u%d@bench.test"}\n' "$i" "$i"; done \
    | while read -r body; do curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/users"; done
done
wrk -t2 -c64 -d"${secs}s" http://127.0.0.1:18190/hello >/dev/null
wrk -t2 -c64 -d"${secs}s" -s bench/get-user.lua http://127.0.0.1:18191 -- 1000 >/dev/null
wrk -t2 -c64 -d"${secs}s" -s bench/get-user.lua http://127.0.0.1:18192 -- 1000 >/dev/null

echo "== measuring: $rounds rounds of ${secs}s each (wrk -t2 -c64, GET /users/{random 1..1000})"
printf '%-6s %12s %12s %12s %10s %10s\n' round "B req/s" "cached" "uncached" "cached/B" "uncach/B"
: >"$work/ratios"
for r in $(seq 1 "$rounds"); do
  b=$(wrk -t2 -c64 -d"${secs}s" http://127.0.0.1:18190/hello | rate)
  on=$(wrk -t2 -c64 -d"${secs}s" -s bench/get-user.lua http://127.0.0.1:18191 -- 1000 | rate)
  off=$(wrk -t2 -c64 -d"${secs}s" -s bench/get-user.lua http://127.0.0.1:18192 -- 1000 | rate)
  awk -v r="$r" -v b="$b" -v on="$on" -v off="$off" \
    'BEGIN {printf "%-6s %12.0f %12.0f %12.0f %10.3f %10.3f\n", r, b, on, off, on / b, off / b}'
  awk -v b="$b" -v on="$on" -v off="$off" 'BEGIN {print on / b, off / b, on / off}' >>"$work/ratios"
done
echo "median cached/B   $(awk '{print $1}' "$work/ratios" | median)"
echo "median uncached/B $(awk '{print $2}' "$work/ratios" | median)"
echo "median cached/uncached $(awk '{print $3}' "$work/ratios" | median)"
