#!/usr/bin/env bash
# Start-up and idle cost of the console as a user runs it (./opsconsole), against a bare JavaFX
# window measured in the same run on the same machine:
#   - start-up: ms from the process's start (the kernel's clock, to 10 ms) until the window is shown AND both services are RUNNING
#     (healthy), median of RUNS starts on one data folder (after an untimed first start that
#     creates it); the bare window's median the same way; their ratio
#   - idle: on the Metrics screen, CPU (% of one core) and resident memory over the IDLE seconds
#     that end 60 s after a start (what the start still costs then: the last compiles) and over the
#     IDLE seconds that begin 60 s after it (what the console costs from then on); then each screen in turn (ctrl+1..6) for IDLE seconds, SETTLE seconds (2) after
#     switching to it; the compiler threads' share of each figure beside it
# Needs a display: uses $DISPLAY, else starts Xvfb; xdotool for the screens
# (apt-get install xvfb xdotool libgtk-3-0 libxtst6).
# Usage: bench/console-startup.sh [runs] [idle-seconds]   (defaults 3 and 20; idle 0: start-up only)
# OPSCONSOLE_JAVA_OPTS and OPSCONSOLE_AOT=off are passed on to ./opsconsole, to compare settings.
# APP=path/to/launcher (the packaged app's, e.g. packaging/target/opsconsole/bin/opsconsole or
# /opt/opsconsole/bin/opsconsole) times it too, in the same rounds, beside ./opsconsole.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/.mvn/find-jdk.sh"
jar="$here/console-app/target/opsconsole.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -DskipTests install" >&2; exit 1; }
runs="${1:-3}"
idle="${2:-20}"
settle="${SETTLE:-2}"
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  kill "${xvfb:-}" 2>/dev/null || true
  [ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
  Xvfb :91 -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb=$!
  export DISPLAY=:91
  for _ in $(seq 1 50); do [ -e /tmp/.X11-unix/X91 ] && break; sleep 0.1; done
fi

# the JavaFX modules of this platform (the jars with a classifier), as ./opsconsole uses them
fx=$(ls "$here"/console-app/target/libs/javafx-*.jar | grep -E -- '-[0-9.]+-[a-z0-9-]+\.jar$' | paste -sd:)
mkdir -p "$work/bare"
"$JAVA_HOME/bin/javac" -d "$work/bare" --module-path "$fx" --add-modules javafx.controls "$here/bench/BareWindow.java"

# a private home: its Java preferences open the console on the Metrics screen
mkdir -p "$work/home/.java/.userPrefs/org/opsconsole/console"
cat > "$work/home/.java/.userPrefs/org/opsconsole/console/prefs.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE map SYSTEM "http://java.sun.com/dtd/preferences.dtd">
<map MAP_XML_VERSION="1.0"><entry key="screen" value="METRICS"/></map>
XML
users=18181; orders=18182

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
ms_of() { grep -o "$1 [0-9]* ms after the JVM started" "$2" | grep -o "[0-9]*" | head -1; }

bare_once() {
  "$JAVA_HOME/bin/java" --module-path "$fx" --add-modules javafx.controls --enable-native-access=javafx.graphics \
    -cp "$work/bare" BareWindow > "$work/bare.log" 2>&1
  ms_of "window shown" "$work/bare.log"
}

# starts the console in the background; sets $console to its pid
console_start() {   # $1: the launcher, ./opsconsole unless given
  # JAVA_TOOL_OPTIONS reaches the packaged launcher's JVM too (JDK_JAVA_OPTIONS only the java command's)
  JAVA_TOOL_OPTIONS="-Duser.home=$work/home" \
    "${1:-$here/opsconsole}" --data-dir "$work/data" --user-port $users --order-port $orders > "$work/console.log" 2>&1 &
  console=$!
  pids+=("$console")
}

console_stop() {
  kill -TERM "$console" 2>/dev/null || true
  wait "$console" 2>/dev/null || true
}

console_ready() {
  for _ in $(seq 1 600); do
    grep -q "window shown" "$work/console.log" && grep -q "start all finished" "$work/console.log" && return 0
    sleep 0.1
  done
  echo "the console did not get ready in 60 s:" >&2; tail -20 "$work/console.log" >&2; return 1
}

console_once() {   # $1: the launcher, as console_start
  console_start "${1:-}"
  console_ready
  local shown started
  shown=$(ms_of "window shown" "$work/console.log")
  started=$(ms_of "start all finished" "$work/console.log")
  console_stop
  echo $(( shown > started ? shown : started ))
}

console_start; console_ready; console_stop   # untimed: creates the data folder and its demo data
bare=(); cons=(); apps=()
if [ -n "${APP:-}" ]; then
  [ -x "$APP" ] || { echo "APP=$APP is not a launcher" >&2; exit 1; }
  console_start "$APP"; console_ready; console_stop   # untimed, as the first ./opsconsole
fi
for _ in $(seq 1 "$runs"); do
  bare+=("$(bare_once)")
  cons+=("$(console_once)")
  if [ -n "${APP:-}" ]; then apps+=("$(console_once "$APP")"); fi
done
bare_median=$(printf '%s\n' "${bare[@]}" | median)
cons_median=$(printf '%s\n' "${cons[@]}" | median)
echo "bare JavaFX window shown:               ${bare[*]} ms   median ${bare_median} ms"
echo "console shown with both services up:    ${cons[*]} ms   median ${cons_median} ms"
awk -v c="$cons_median" -v b="$bare_median" 'BEGIN { printf "ratio console / bare window:            %.2f (goal: at most 1.5)\n", c / b }'
if [ -n "${APP:-}" ]; then
  app_median=$(printf '%s\n' "${apps[@]}" | median)
  echo "packaged app, both services up:         ${apps[*]} ms   median ${app_median} ms ($APP)"
  awk -v a="$app_median" -v c="$cons_median" 'BEGIN { printf "ratio packaged app / ./opsconsole:       %.2f (goal: at most 1)\n", a / c }'
fi
if grep -q "Unsupported JavaFX configuration" "$work/console.log"; then
  echo "WARNING line printed: JavaFX loaded from the class path"
fi

[ "$idle" = 0 ] && exit 0   # idle-seconds 0: start-up only
# idle: one more start, left alone 60 s on the Metrics screen, then every screen in turn
tck=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$console/stat"; }
# the JIT compilers' share: code a screen runs for the first time is compiled in its first
# seconds, which is not the cost of leaving it open
jit() {
  local sum=0 task
  for task in /proc/"$console"/task/*; do
    case "$(cat "$task/comm" 2> /dev/null)" in
      C1\ Compiler*|C2\ Compiler*) sum=$((sum + $(awk '{print $14 + $15}' "$task/stat" 2> /dev/null || echo 0))) ;;
    esac
  done
  echo "$sum"
}
measure() {   # $1 = label; CPU over $idle seconds and RSS at the end
  local c0 j0 t0 c1 j1 t1 rss
  c0=$(cpu); j0=$(jit); t0=$(date +%s%N)
  sleep "$idle"
  c1=$(cpu); j1=$(jit); t1=$(date +%s%N)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$console/status")
  awk -v l="$1" -v c="$((c1 - c0))" -v j="$((j1 - j0))" -v t="$((t1 - t0))" -v hz="$tck" -v rss="$rss" 'BEGIN {
    printf "%-28s %5.2f %% of one core (%4.2f of it compiling), %4.0f MB resident\n", l, 100 * (c / hz) / (t / 1e9),
      100 * (j / hz) / (t / 1e9), rss / 1024 }'
}
console_start; console_ready
sleep $(( 60 - idle > 0 ? 60 - idle : 0 ))
measure "idle, the ${idle} s up to 60 s:"
measure "idle, from 60 s after start:"
if command -v xdotool > /dev/null; then
  window=$(xdotool search --sync --name "Ops Console" | head -1)
  n=1
  for screen in Services Metrics Data Load Logs Events; do
    xdotool key --window "$window" "ctrl+$n"
    sleep "$settle"
    measure "  $screen screen:"
    n=$((n + 1))
  done
else
  echo "(no xdotool: the per-screen figures are left out)"
fi
console_stop
for p in $users $orders; do
  if (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "port $p still open after stop"; fi
done
