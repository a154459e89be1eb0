#!/usr/bin/env bash
# FX pulse smoothness with full charts: runs the console (Metrics screen, 15 minute window) under
# light traffic for MINUTES (default 16, so every chart holds 15 minutes of history), with JavaFX's
# pulse logger on, then reports the pulses of the last minute: how many, the longest, and how many
# took over 50 ms. Needs a display: uses $DISPLAY, else Xvfb.
#   bench/console-pulse.sh [MINUTES]         the console itself, as above
#   bench/console-pulse.sh history [HOURS]   the Metrics screen opened on HOURS (default 12) of history
#     (bench/HistoryPulse.java: the console's own history, scraper and screen, two stand-in services):
#     the pulses while it opens, idles 30 s, and while its window changes 1 -> 5 -> 15 minutes twice
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/.mvn/find-jdk.sh"
jar="$here/console-app/target/opsconsole.jar"
minutes="${1:-16}"
work="$(mktemp -d)"
trap 'kill "${load:-}" "${xvfb:-}" 2>/dev/null || true; [ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"' EXIT
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :96 -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb=$!
  export DISPLAY=:96
  for _ in $(seq 1 50); do [ -e /tmp/.X11-unix/X96 ] && break; sleep 0.1; done
fi
pulse_summary() {
  awk '{ a[NR] = $1; if ($1 > 50) slow++ }
    END { if (NR == 0) { print "no pulses logged"; exit }
          printf "%d pulses; p50 %d ms, p90 %d ms, p99 %d ms, longest %d ms; over 50 ms: %d\n",
                 NR, a[int(NR * 0.5) + 1], a[int(NR * 0.9) + 1], a[int(NR * 0.99) + 1], a[NR], slow + 0 }'
}
if [ "${1:-}" = history ]; then
  hours="${2:-12}"
  fx=$(ls "$here"/console-app/target/libs/javafx-*.jar | grep -E -- '-[0-9.]+-[a-z0-9-]+\.jar$' | paste -sd:)
  "$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=0 \
    --module-path "$fx" --add-modules javafx.controls --enable-native-access=ALL-UNNAMED,javafx.graphics \
    -cp "$jar:$here/console-app/target/libs/*" "$here/bench/HistoryPulse.java" "$hours" > "$work/out.log" 2>&1
  grep -E "^(history|screen built)" "$work/out.log"
  for phase in opening idle switching; do
    printf "%-10s " "$phase:"
    sed -n "/^PHASE $phase/,/^PHASE /p" "$work/out.log" | grep -oE "^PULSE: [0-9]+ \[[0-9]+ms:[0-9]+ms\]" \
      | sed -E 's/.*\[[0-9]+ms:([0-9]+)ms\]/\1/' | sort -n | pulse_summary
  done
  exit 0
fi

mkdir -p "$work/home/.java/.userPrefs/org/opsconsole/console"
cat > "$work/home/.java/.userPrefs/org/opsconsole/console/prefs.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE map SYSTEM "http://java.sun.com/dtd/preferences.dtd">
<map MAP_XML_VERSION="1.0"><entry key="screen" value="METRICS"/><entry key="metrics.window" value="15"/></map>
XML
users=18681; orders=18682
"$JAVA_HOME/bin/java" -Duser.home="$work/home" -Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=0 \
  --enable-native-access=ALL-UNNAMED -jar "$jar" --data-dir "$work/data" --user-port $users --order-port $orders \
  > "$work/out.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do grep -q "first figures on the charts" "$work/out.log" && break; sleep 0.1; done
# light, steady traffic: about 20 requests per second
( while kill -0 $pid 2>/dev/null; do
    curl -s -o /dev/null "http://127.0.0.1:$users/users?limit=10" || true
    curl -s -o /dev/null "http://127.0.0.1:$orders/orders?limit=10" || true
    sleep 0.1
  done ) & load=$!
sleep $((minutes * 60 - 60))
mark=$(wc -l < "$work/out.log")
sleep 60
tail -n +"$mark" "$work/out.log" | grep -oE "^PULSE: [0-9]+ \[[0-9]+ms:[0-9]+ms\]" \
  | sed -E 's/.*\[[0-9]+ms:([0-9]+)ms\]/\1/' | sort -n > "$work/pulses.txt" || true
kill -TERM $pid; wait $pid 2>/dev/null || true
printf "pulses in the last minute: "; pulse_summary < "$work/pulses.txt"
echo "(load average during the run: $(cut -d' ' -f1-3 /proc/loadavg))"
