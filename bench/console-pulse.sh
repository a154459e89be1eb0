#!/usr/bin/env bash
# FX pulse smoothness with full charts: runs the console (Metrics screen, 15 minute window) under
# light traffic for MINUTES (default 16, so every chart holds 15 minutes of history), with JavaFX's
# pulse logger on, then reports the pulses of the last minute: how many, the longest, and how many
# took over 50 ms. Needs a display: uses $DISPLAY, else Xvfb.
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
tail -n +"$mark" "$work/out.log" | grep -oE "^PULSE: [0-9]+ \[[0-9]+ms:[0-9]+ms\]" > "$work/pulses.txt" || true
kill -TERM $pid; wait $pid 2>/dev/null || true
awk -F'[][:]' '{ gsub("ms","",$3); d=$3+0; n++; if (d>max) max=d; if (d>50) slow++; s+=d }
  END { printf "pulses in the last minute: %d, longest %d ms, mean %.1f ms, over 50 ms: %d\n", n, max, (n?s/n:0), slow+0 }' "$work/pulses.txt"
