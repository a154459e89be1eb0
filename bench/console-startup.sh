#!/usr/bin/env bash
# Start-up and idle cost of the console, as a user runs it (./opsconsole, already built):
#   - time to both services RUNNING and to the first figures on the charts (from the console's log)
#   - resident memory and CPU of the idle console with its charts running
# Needs a display: uses $DISPLAY, else starts Xvfb (apt-get install xvfb libgtk-3-0 libxtst6).
# Usage: bench/console-startup.sh [idle-seconds]   (default 30; measured after a 30 s settle)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/.mvn/find-jdk.sh"
jar="$here/console-app/target/opsconsole.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -DskipTests install" >&2; exit 1; }
idle="${1:-30}"
work="$(mktemp -d)"
trap 'kill "${xvfb:-}" 2>/dev/null || true; [ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"' EXIT

if [ -z "${DISPLAY:-}" ]; then
  Xvfb :91 -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb=$!
  export DISPLAY=:91
  for _ in $(seq 1 50); do [ -e /tmp/.X11-unix/X91 ] && break; sleep 0.1; done
fi

# a private home: its Java preferences open the console on the Metrics screen
mkdir -p "$work/home/.java/.userPrefs/org/opsconsole/console"
cat > "$work/home/.java/.userPrefs/org/opsconsole/console/prefs.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE map SYSTEM "http://java.sun.com/dtd/preferences.dtd">
<map MAP_XML_VERSION="1.0"><entry key="screen" value="METRICS"/></map>
XML

users=18181; orders=18182
"$JAVA_HOME/bin/java" -Duser.home="$work/home" --enable-native-access=ALL-UNNAMED -jar "$jar" \
  --data-dir "$work/data" --user-port $users --order-port $orders > "$work/out.log" 2>&1 &
pid=$!
for _ in $(seq 1 900); do grep -q "first figures on the charts" "$work/out.log" && grep -q "start all finished" "$work/out.log" && break; sleep 0.1; done
started=$(grep -o "start all finished [0-9]* ms" "$work/out.log" | grep -o "[0-9]*" || echo "?")
first=$(grep -o "first figures on the charts [0-9]* ms" "$work/out.log" | grep -o "[0-9]*" || echo "?")
echo "both services RUNNING:     ${started} ms after the JVM started"
echo "first figures on a chart:  ${first} ms after the JVM started"

sleep 30   # settle: JIT, first GCs
tck=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
c0=$(cpu); t0=$(date +%s%N)
sleep "$idle"
c1=$(cpu); t1=$(date +%s%N)
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
awk -v c="$((c1 - c0))" -v t="$((t1 - t0))" -v hz="$tck" -v rss="$rss" 'BEGIN {
  printf "idle CPU over the last %.0f s: %.2f %% of one core\n", t / 1e9, 100 * (c / hz) / (t / 1e9);
  printf "resident memory:           %.0f MB\n", rss / 1024 }'

kill -TERM $pid; wait $pid 2>/dev/null || true
for p in $users $orders; do
  if (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "port $p still open after stop"; else echo "port $p released"; fi
done
