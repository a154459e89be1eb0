#!/usr/bin/env bash
# Benchmark of the load engine (not a test): against one fast endpoint, the highest rate the engine
# sustains with zero late sends, next to what wrk reaches with the same connection count, and the
# engine's CPU per 1,000 requests. Timing goals live here, never in tests:
# on two shared cores a timing assertion fails at random.
#
#   bench/load-engine.sh                 starts './opsconsole serve' on ports 28081/28082 with a fresh
#                                        data folder and loads GET /users/1
#   bench/load-engine.sh URL             loads URL instead (a server you started)
#
# Environment: CONNECTIONS (64), DURATION seconds measured per rate (10), WARMUP seconds per rate (8),
# RATES (space-separated; default: 2000 5000 10000 15000 20000 25000 30000 40000 50000),
# CLIENT (auto | socket | okhttp), WRK_THREADS (2).
# Needs wrk (apt-get install -y wrk). Prints a table and a summary; results go to bench/results/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

CONNECTIONS="${CONNECTIONS:-64}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-8}"
RATES="${RATES:-2000 5000 10000 15000 20000 25000 30000 40000 50000}"
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

# late: sends that left > 2 ms after plan; conn-late: of those, the ones that waited for a free
# connection (the server was slow to answer); the rest were the sender's own lateness
printf "\n%8s %10s %8s %9s %8s %10s %10s %12s %8s\n" "rate" "achieved" "late" "conn-late" "late%" "p99 ms" "behind ms" "cpu ms/1000" "loadavg"
best_zero=0
best_sender=0
best_tenth=0
summary_rows=()
for rate in $RATES; do
  json="$out/engine-$rate.json"
  log="$out/engine-$rate.log"
  ./opsconsole load --url "$url" --rate "$rate" --warmup "${WARMUP}s" --duration "${DURATION}s" \
      --connections "$CONNECTIONS" --client "$CLIENT" --json "$json" --no-save >"$log" 2>&1 &
  pid=$!
  # CPU between the measured run's second 1 and second DURATION-1, from /proc (JVM start and warm-up excluded)
  until grep -qE '^ +1\.[0-9]s +rate' "$log" 2>/dev/null; do kill -0 $pid 2>/dev/null || break; sleep 0.25; done
  t0=$(cpu_ticks $pid 2>/dev/null || echo 0); c0=$(date +%s.%N)
  until grep -qE "^ +$((DURATION - 1))\.[0-9]s +rate" "$log" 2>/dev/null; do kill -0 $pid 2>/dev/null || break; sleep 0.25; done
  t1=$(cpu_ticks $pid 2>/dev/null || echo 0); c1=$(date +%s.%N)
  wait $pid || true
  if [ ! -f "$json" ]; then echo "rate $rate: no report (see $log)"; break; fi
  read -r achieved late connlate latepct p99 behind cpu < <(python3 - "$json" "$rate" "$t0" "$t1" "$c0" "$c1" "$CLK_TCK" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); rate = float(sys.argv[2])
t0, t1, c0, c1, tck = map(float, sys.argv[3:8])
cpu = (t1 - t0) / tck * 1000 / (r["achievedRate"] * (c1 - c0)) * 1000 if c1 > c0 and t1 > t0 else float("nan")
print(r["achievedRate"], r["late"], r["lateWaitingForConnection"], r["latePercent"], r["latencyMs"]["corrected"]["p99"], r["maxBehindMs"], round(cpu, 2))
PY
)
  printf "%8s %10s %8s %9s %8s %10s %10s %12s %8s\n" "$rate" "$achieved" "$late" "$connlate" "$latepct" "$p99" "$behind" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
  summary_rows+=("$rate $achieved $late $cpu")
  if [ "$late" = "0" ]; then best_zero=$rate; fi
  if [ "$late" = "$connlate" ]; then best_sender=$rate; fi
  if python3 -c "import sys; sys.exit(0 if $latepct <= 0.1 else 1)"; then best_tenth=$rate; fi
  if python3 -c "import sys; sys.exit(0 if $achieved < 0.95 * $rate or $latepct > 20 else 1)"; then
    echo "(stopping: the engine no longer keeps $rate/s)"; break
  fi
done

echo
echo "wrk -c$CONNECTIONS:                     $wrk_rate requests/s  (${wrk_cpu_per_1000} ms CPU / 1000 requests)"
echo "engine, zero late sends:       ${best_zero} requests/s  ($(python3 -c "print(round(100*$best_zero/$wrk_rate,1))")% of wrk)"
echo "engine, late sends <= 0.1%:    ${best_tenth} requests/s  ($(python3 -c "print(round(100*$best_tenth/$wrk_rate,1))")% of wrk)"
echo "engine, no late send of its own (only waits for busy connections): ${best_sender} requests/s  ($(python3 -c "print(round(100*$best_sender/$wrk_rate,1))")% of wrk)"
echo "results: $out"
