#!/usr/bin/env bash
# How big the H2 files grow against the size of their data (what SHUTDOWN COMPACT leaves):
# after a write burst and 2 minutes idle each file must be at most 2x compacted + 16 MB, while
# writing at most 4x compacted + 64 MB; the same through a soak of the load mix and across a restart.
#
#   bench/h2-size.sh [BURST_SECONDS] [IDLE_SECONDS] [SOAK_SECONDS] [SOAK_RATE]
#                    (default 30 s of writes, 120 s idle, a 600 s soak at 400 requests/s)
#
# Starts the users and orders services from their jars on a new data folder (no demo data),
# seeds 1000 users, then:
#   1. burst: durable POST /users and POST /orders at once (wrk -t1 -c16 each) for BURST_SECONDS;
#   2. idle for IDLE_SECONDS; the files are copied and the copies compacted (SHUTDOWN COMPACT);
#   3. restart: both services stopped (SIGTERM) and started again on the same files;
#   4. soak: `opsconsole load` with a write-heavy mix of the load engine's operations (creates,
#      orders, status moves, reads) at SOAK_RATE/s, and user deletions (with their orders
#      cancelled) beside it, for SOAK_SECONDS (0 leaves it out); then idle again, copied, compacted.
# Prints both files' sizes in MB every 5 s while writing and every 30 s idle, then each phase's
# largest size while writing, its size after the idle time, the compacted size and the bounds.
# SOAK_MIX replaces the soak's mix (e.g. the load command's default,
# read-user=60,list-users=10,create-user=10,create-order=15,change-status=5).
# BENCH_JAVA_OPTS passes options to the services (e.g. -Xmx256m). Needs wrk and the jars
# (./mvnw -DskipTests install). Targets only 127.0.0.1.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
. .mvn/find-jdk.sh
burst="${1:-30}"
idle="${2:-120}"
soak="${3:-600}"
soak_rate="${4:-400}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
ujar=services/user-service/target/user-service.jar
ojar=services/order-service/target/order-service.jar
console=console-app/target/opsconsole.jar
[ -f "$ujar" ] && [ -f "$ojar" ] && [ -f "$console" ] || { echo "build the jars first: ./mvnw -DskipTests install" >&2; exit 1; }
h2jar=$(ls services/user-service/target/libs/h2-*.jar)

work="$(mktemp -d)"
data="$work/data"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; [ -n "${KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT
wait_for() { for _ in $(seq 1 120); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }
rate() { awk '/Requests\/sec/ {print $2}'; }
mb() { awk -v b="$(stat -c %s "$1" 2>/dev/null || echo 0)" 'BEGIN {printf "%.1f", b / 1048576}'; }
sizes() { printf '%6s %10s %10s   %s\n' "$1" "$(mb "$data/users.mv.db")" "$(mb "$data/orders.mv.db")" "${2:-}"; }
larger() { awk -v a="$1" -v b="$2" 'BEGIN {print (b > a ? b : a)}'; }

start_services() {
  "$JAVA_HOME/bin/java" -Xmx1g -Dserver.port=18381 -Ddata-dir="$data" -Ddemo-data=false ${BENCH_JAVA_OPTS:-} \
    -jar "$ujar" >>"$work/users.log" 2>&1 &
  upid=$!; pids+=($upid)
  wait_for http://127.0.0.1:18381/observe/health
  "$JAVA_HOME/bin/java" -Xmx1g -Dserver.port=18382 -Ddata-dir="$data" -Ddemo-data=false ${BENCH_JAVA_OPTS:-} \
    -Duser-service.url=http://127.0.0.1:18381 -jar "$ojar" >>"$work/orders.log" 2>&1 &
  opid=$!; pids+=($opid)
  wait_for http://127.0.0.1:18382/observe/health
}
stop_services() { kill -TERM "$opid" "$upid"; wait "$opid" "$upid" 2>/dev/null || true; }

# compacted NAME: both files copied (the services idle) and the copies compacted; prints "users orders" in MB
compacted() {
  local copy="$work/copy-$1"
  mkdir -p "$copy"; cp "$data"/users.mv.db "$data"/orders.mv.db "$copy/"
  for name in users orders; do
    "$JAVA_HOME/bin/java" -cp "$h2jar" org.h2.tools.Shell -url "jdbc:h2:file:$copy/$name" -user sa -password "" \
      -sql "SHUTDOWN COMPACT" >/dev/null
  done
  echo "$(mb "$copy/users.mv.db") $(mb "$copy/orders.mv.db")"
}

# sample_while PIDS...: sizes every 5 s while any of PIDS runs; sets max_u, max_o
t=0
sample_while() {
  max_u=0; max_o=0
  while :; do
    local alive=0; for p in "$@"; do kill -0 "$p" 2>/dev/null && alive=1; done; [ $alive = 1 ] || break
    sleep 5; t=$((t + 5))
    sizes "$t"
    max_u=$(larger "$max_u" "$(mb "$data/users.mv.db")"); max_o=$(larger "$max_o" "$(mb "$data/orders.mv.db")")
  done
}
idle_for() {
  for _ in $(seq 30 30 "$1"); do sleep 30; t=$((t + 30)); sizes "$t" idle; done
}

start_services
echo "== seeding 1000 users"
for i in $(seq 1 1000); do
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d "{\"name\":\"U$i\",\"email\":\"u$i@size.test\"}" \
    http://127.0.0.1:18381/users
done

printf '%6s %10s %10s\n' "t (s)" users.mv.db orders.mv.db
echo "== 1. burst: ${burst}s of durable POST /users and POST /orders at once"
wrk -t1 -c16 -d"${burst}s" -s bench/post-users.lua http://127.0.0.1:18381 -- size >"$work/wrk-users.txt" &
w1=$!
wrk -t1 -c16 -d"${burst}s" -s bench/post-orders.lua http://127.0.0.1:18382 -- 1000 >"$work/wrk-orders.txt" &
w2=$!
sample_while "$w1" "$w2"
wait "$w1" "$w2" || true
burst_u=$max_u; burst_o=$max_o
echo "POST /users $(rate <"$work/wrk-users.txt") req/s, POST /orders $(rate <"$work/wrk-orders.txt") req/s"
echo "== 2. ${idle}s idle"
idle_for "$idle"
idle1_u=$(mb "$data/users.mv.db"); idle1_o=$(mb "$data/orders.mv.db")
read -r comp1_u comp1_o <<<"$(compacted burst)"

echo "== 3. restart"
stop_services
sizes "$t" "stopped"
start_services
sizes "$t" "started again"
restart_u=$(mb "$data/users.mv.db"); restart_o=$(mb "$data/orders.mv.db")

if [ "$soak" -gt 0 ]; then
  echo "== 4. soak: ${soak}s of the load mix at ${soak_rate}/s, and user deletions"
  "$JAVA_HOME/bin/java" -jar "$console" load --users-url http://127.0.0.1:18381 --orders-url http://127.0.0.1:18382 \
    --mix "${SOAK_MIX:-create-user=25,create-order=35,change-status=20,read-user=15,list-users=5}" --rate "$soak_rate" \
    --duration "${soak}s" --no-save >"$work/soak.txt" 2>&1 &
  l=$!
  ( id=1; end=$((SECONDS + soak))
    while [ $SECONDS -lt $end ]; do
      curl -s -o /dev/null -X DELETE "http://127.0.0.1:18381/users/$id"; id=$((id + 1)); sleep 0.05
    done ) &
  d=$!
  sample_while "$l" "$d"
  wait "$l" "$d" || true
  soak_u=$max_u; soak_o=$max_o
  grep -E "^Outcome|achieved" "$work/soak.txt" || { echo "the load run did not finish; its last lines:"; tail -5 "$work/soak.txt"; }
  echo "== ${idle}s idle"
  idle_for "$idle"
  idle2_u=$(mb "$data/users.mv.db"); idle2_o=$(mb "$data/orders.mv.db")
  read -r comp2_u comp2_o <<<"$(compacted soak)"
fi
stop_services

echo "== sizes in MB (bounds: idle <= 2x compacted + 16, writing <= 4x compacted + 64)"
row() {  # phase file writing idle compacted
  awk -v p="$1" -v f="$2" -v w="$3" -v i="$4" -v c="$5" 'BEGIN {
    ib = 2 * c + 16; wb = 4 * c + 64
    printf "%-8s %-13s %9.1f %9.1f %10.1f %9.1f %-4s %9.1f %-4s\n", p, f, w, i, c, ib, (i <= ib ? "ok" : "OVER"), wb, (w <= wb ? "ok" : "OVER")
  }'
}
printf '%-8s %-13s %9s %9s %10s %14s %14s\n' phase file writing idle compacted "idle bound" "write bound"
row burst users.mv.db "$burst_u" "$idle1_u" "$comp1_u"
row burst orders.mv.db "$burst_o" "$idle1_o" "$comp1_o"
row restart users.mv.db "$restart_u" "$restart_u" "$comp1_u"
row restart orders.mv.db "$restart_o" "$restart_o" "$comp1_o"
if [ "$soak" -gt 0 ]; then
  row soak users.mv.db "$soak_u" "$idle2_u" "$comp2_u"
  row soak orders.mv.db "$soak_o" "$idle2_o" "$comp2_o"
fi
