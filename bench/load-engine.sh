#!/usr/bin/env bash
# Benchmark of the load engine (not a test): against one fast endpoint, wrk's maximum rate with the
# same connection count, then the engine and wrk (paced to the same rate, bench/paced.lua) at 10%,
# 50% and 80% of that maximum, in one run: target, achieved, late sends, corrected p50/p99 and CPU
# per 1,000 requests. Timing goals live here, never in tests: on two shared cores a timing
# assertion fails at random. Goals (issue 26): at 50% within 1% of the rate with under 0.1% late;
# at 80% at least 97% of the rate with at most 1% late; CPU per 1,000 requests at most 2x wrk's.
# Beside them, the machine's floor for late sends: a bare timer (bench/TimerFloor.java) at the same
# rate, alone ("idle") and while wrk loads the server ("floor"); no sender on this machine does better.
#
#   bench/load-engine.sh                 starts './opsconsole serve' on ports 28081/28082 with a fresh
#                                        data folder and loads GET /users/1
#   bench/load-engine.sh URL             loads URL instead (a server you started)
#
# Environment: CONNECTIONS (64), DURATION seconds measured per rate (10), WARMUP seconds per rate (8),
# SHARES (percent of wrk's maximum, default "10 50 80"), CLIENT (auto | okhttp),
# WRK_THREADS (2), ENGINE_B_OPTS (JVM options of a second engine row "engine-b" at each rate, e.g.
# -Dopsconsole.load.loops=2 to see what two sender loops give). Needs wrk (apt-get install -y wrk). Prints a table; results go to bench/results/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
. .mvn/find-jdk.sh

CONNECTIONS="${CONNECTIONS:-64}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-8}"
SHARES="${SHARES:-10 50 80}"
CLIENT="${CLIENT:-auto}"
WRK_THREADS="${WRK_THREADS:-2}"
CLK_TCK="$(getconf CLK_TCK)"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is missing (reads the JSON reports)" >&2; exit 1; }

out="$here/bench/results/$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$out"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

url="${1:-}"
if [ -z "$url" ]; then
  data="$(mktemp -d)"
  ./opsconsole serve --user-port 28081 --order-port 28082 --data-dir "$data" >"$out/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    grep -q "orders ready" "$out/serve.log" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { echo "serve failed:" >&2; tail -20 "$out/serve.log" >&2; exit 1; }
    sleep 0.2
  done
  url="http://127.0.0.1:28081/users/1"
fi
echo "endpoint: $url   connections: $CONNECTIONS   measured: ${DURATION}s per rate after ${WARMUP}s warm-up   client: $CLIENT"
curl -fsS "$url" >/dev/null || { echo "$url does not answer 2xx" >&2; exit 1; }

echo "warming the server up with wrk (15 s)..."
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d15s "$url" >/dev/null

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# wrk, same connection count, CPU from /proc
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" "$url" >"$out/wrk.txt" &
wrk_pid=$!
sleep 0.5
wrk_t0=$(cpu_ticks $wrk_pid 2>/dev/null || echo 0)
wrk_c0=$(date +%s.%N)
sleep $((DURATION - 2))
wrk_t1=$(cpu_ticks $wrk_pid 2>/dev/null || echo 0)
wrk_c1=$(date +%s.%N)
wait $wrk_pid
wrk_rate=$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")
wrk_cpu_per_1000=$(python3 -c "print(round(($wrk_t1-$wrk_t0)/$CLK_TCK*1000/($wrk_rate*($wrk_c1-$wrk_c0))*1000, 2))")
echo "wrk -t$WRK_THREADS -c$CONNECTIONS: $wrk_rate requests/s, ${wrk_cpu_per_1000} ms CPU per 1000 requests"

path="/${url#*://*/}"
# wrk's latency lines ("50%    1.23ms") in ms
wrk_ms() { awk -v q="$1" '$1 == q { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; print v }' "$2"; }

printf "\n%-7s %6s %9s %10s %7s %9s %9s %12s %8s\n" "who" "share" "target/s" "achieved/s" "late%" "p50 ms" "p99 ms" "cpu ms/1000" "waited%"
printf "%-7s %6s %9s %10s %7s %9s %9s %12s\n" "wrk" "max" "-" "$wrk_rate" "-" "-" "-" "$wrk_cpu_per_1000"
# the engine at a rate: its JSON report has the rate, late sends and corrected latency; CPU from /proc
# between the measured run's second 1 and second DURATION-1 (JVM start and warm-up left out)
engine_row() {  # label share rate [JVM options]
  local label=$1 share=$2 rate=$3 opts=${4:-}
  local json="$out/$label-$share.json" log="$out/$label-$share.log" pid t0 t1 c0 c1
  JAVA_TOOL_OPTIONS="$opts" ./opsconsole load --url "$url" --rate "$rate" --warmup "${WARMUP}s" --duration "${DURATION}s" \
      --connections "$CONNECTIONS" --client "$CLIENT" --json "$json" --no-save >"$log" 2>&1 &
  pid=$!
  until grep -qE '^ +1\.[0-9]s +rate' "$log" 2>/dev/null; do kill -0 $pid 2>/dev/null || break; sleep 0.25; done
  t0=$(cpu_ticks $pid 2>/dev/null || echo 0); c0=$(date +%s.%N)
  until grep -qE "^ +$((DURATION - 1))\.[0-9]s +rate" "$log" 2>/dev/null; do kill -0 $pid 2>/dev/null || break; sleep 0.25; done
  t1=$(cpu_ticks $pid 2>/dev/null || echo 0); c1=$(date +%s.%N)
  wait $pid || true
  if [ ! -f "$json" ]; then echo "$label at $rate/s: no report (see $log)"; return; fi
  python3 - "$json" "$share" "$rate" "$t0" "$t1" "$c0" "$c1" "$CLK_TCK" "$label" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); share, rate = sys.argv[2], float(sys.argv[3])
t0, t1, c0, c1, tck = map(float, sys.argv[4:9])
cpu = (t1 - t0) / tck * 1000 / (r["achievedRate"] * (c1 - c0)) * 1000 if c1 > c0 and t1 > t0 else float("nan")
c = r["latencyMs"]["corrected"]
waited = 100.0 * r["lateWaitingForConnection"] / r["late"] if r["late"] else 0
print("%-7s %5s%% %9d %10.0f %7.2f %9.2f %9.2f %12.2f %8.0f" % (sys.argv[9], share, rate, r["achievedRate"], r["latePercent"],
      c["p50"], c["p99"], cpu, waited))
PY
}

for share in $SHARES; do
  rate=$(python3 -c "print(int($wrk_rate * $share / 100))")

  # the machine's floor with nothing loading it: the same bare timer alone (the server idle)
  "$JAVA_HOME/bin/java" bench/TimerFloor.java "$rate" $((DURATION - 3)) >"$out/floor-idle-$share.txt" 2>&1 || true
  read -r idle_late idle_max <"$out/floor-idle-$share.txt" || true
  printf "%-7s %5s%% %9d %10s %7s %9s %9s %12s\n" "idle" "$share" "$rate" "-" "${idle_late:-?}" "-" "-" "-"

  engine_row engine "$share" "$rate"
  # the same engine with other JVM options, to compare a setting in the same run
  [ -n "${ENGINE_B_OPTS:-}" ] && engine_row engine-b "$share" "$rate" "$ENGINE_B_OPTS"

  # wrk paced to the same rate: each connection pauses so that all of them together ask for it
  # (wrk has no schedule of its own, so no late sends to count; its latency is uncorrected)
  delay=$(python3 -c "print(max(0, int($CONNECTIONS * 1000 / $rate)))")
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/paced.lua "$url" -- "$path" "$delay" \
      >"$out/wrk-$share.txt" &
  wpid=$!
  sleep 1
  # the machine's floor, while wrk loads the server at the same rate: a bare timer at that rate
  # (no requests) counts its own wake-ups more than 2 ms late; no sender on this machine does better
  "$JAVA_HOME/bin/java" bench/TimerFloor.java "$rate" $((DURATION - 3)) >"$out/floor-$share.txt" 2>&1 &
  fpid=$!
  t0=$(cpu_ticks $wpid 2>/dev/null || echo 0); c0=$(date +%s.%N)
  sleep $((DURATION - 2))
  t1=$(cpu_ticks $wpid 2>/dev/null || echo 0); c1=$(date +%s.%N)
  wait $wpid || true
  wait $fpid || true
  wachieved=$(awk '/Requests\/sec/ {print $2}' "$out/wrk-$share.txt")
  wcpu=$(python3 -c "print(round(($t1-$t0)/$CLK_TCK*1000/($wachieved*($c1-$c0))*1000, 2))")
  printf "%-7s %5s%% %9d %10.0f %7s %9s %9s %12s\n" "wrk" "$share" "$rate" "$wachieved" "-" \
      "$(wrk_ms 50% "$out/wrk-$share.txt")" "$(wrk_ms 99% "$out/wrk-$share.txt")" "$wcpu"
  read -r floor_late floor_max <"$out/floor-$share.txt" || true
  printf "%-7s %5s%% %9d %10s %7s %9s %9s %12s\n" "floor" "$share" "$rate" "-" "${floor_late:-?}" "-" "-" "-"
done
echo
echo "engine: corrected latency (from each request's planned send); waited%: of its late sends, those that waited"
echo "for a free connection (all of them busy: the server was slow), the rest left late with one free (the machine)"
echo "wrk: uncorrected latency; floor: a bare timer's"
echo "wake-ups more than 2 ms late at that rate while wrk loads the server (what this machine allows); idle: the"
echo "same timer with nothing else running (the machine's own jitter). results: $out"
