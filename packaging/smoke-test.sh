#!/usr/bin/env bash
# Smoke test of a packaged Ops Console: checks that the launcher loads its classes from the image's
# start-up cache when it has one, runs the packaged launcher's `serve` on free ports with a
# temporary data folder, checks that both services answer, that nothing is written next to the
# program, and that SIGTERM stops it cleanly within 30 s.
#   packaging/smoke-test.sh                               the app image in packaging/target/opsconsole
#   packaging/smoke-test.sh /opt/opsconsole/bin/opsconsole an installed one
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
launcher="${1:-$here/target/opsconsole/bin/opsconsole}"
ready_timeout=120
stop_timeout=30

fail() {
  echo "SMOKE TEST FAILED: $*" >&2
  if [ -n "${log:-}" ] && [ -f "$log" ]; then
    echo "--- output of the launcher (last 40 lines) ---" >&2
    tail -n 40 "$log" >&2
  fi
  exit 1
}

[ -x "$launcher" ] || fail "no launcher at $launcher (build it with: ./mvnw -Ppackage package -DskipTests -Dinstaller.skip=true)"
command -v curl >/dev/null || fail "curl is needed (apt-get install curl)"

app_dir="$(cd "$(dirname "$launcher")/.." && pwd)"
work="$(mktemp -d)"
log="$work/serve.log"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
touch "$work/started"

# the start-up cache, when the image has one, is what the launcher's JVM loads its classes from
cache="$(ls "$app_dir"/lib/app/*.aot 2>/dev/null | head -n 1 || true)"
if [ -n "$cache" ]; then
  JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$work/classes.log" "$launcher" --version > /dev/null 2>&1 \
    || fail "$launcher --version failed"
  cached=$(grep -c "source: shared objects file" "$work/classes.log" || true)
  [ "$cached" -ge 1000 ] || fail "the launcher does not use its start-up cache $cache ($cached classes from it)"
  echo "  start-up cache used: $cached classes from $(basename "$cache")"
elif [ "${STARTUP_CACHE_REQUIRED:-0}" = 1 ]; then
  fail "the image has no start-up cache (STARTUP_CACHE_REQUIRED=1)"
else
  echo "  (no start-up cache in this image)"
fi

echo "Smoke test: $launcher serve --user-port 0 --order-port 0 --data-dir $work/data"
start=$(date +%s%N)
"$launcher" serve --user-port 0 --order-port 0 --data-dir "$work/data" >"$log" 2>&1 &
pid=$!

users="" orders=""
deadline=$((SECONDS + ready_timeout))
while [ -z "$users" ] || [ -z "$orders" ]; do
  kill -0 "$pid" 2>/dev/null || fail "the launcher exited before both services were ready"
  [ "$SECONDS" -lt "$deadline" ] || fail "no 'ready' lines within ${ready_timeout} s"
  sleep 0.2
  users=$(sed -n 's|^users ready on \(http://[0-9.]*:[0-9]*\).*|\1|p' "$log" | head -n 1)
  orders=$(sed -n 's|^orders ready on \(http://[0-9.]*:[0-9]*\).*|\1|p' "$log" | head -n 1)
done
echo "  ready after $(( ($(date +%s%N) - start) / 1000000 )) ms: users $users, orders $orders"

expect() { # url, a fixed string the body must contain
  local body
  body=$(curl -sS --fail --max-time 10 "$1") || fail "GET $1 did not answer 2xx"
  case "$body" in
    *"$2"*) echo "  GET $1 -> ok" ;;
    *) fail "GET $1 answered without '$2': $body" ;;
  esac
}
expect "$users/observe/health" '"status":"UP"'
expect "$orders/observe/health" '"status":"UP"'
expect "$users/users?limit=1" '"items":[{'
expect "$orders/orders?limit=1" '"items":[{'

[ -f "$work/data/users.mv.db" ] && [ -f "$work/data/orders.mv.db" ] || fail "no databases in --data-dir $work/data"
written=$(find "$app_dir" -newer "$work/started" -print -quit 2>/dev/null || true)
[ -z "$written" ] || fail "the program wrote next to itself: $written"

kill -TERM "$pid"
stop_start=$SECONDS
while kill -0 "$pid" 2>/dev/null; do
  [ $((SECONDS - stop_start)) -lt "$stop_timeout" ] || fail "still running ${stop_timeout} s after SIGTERM"
  sleep 0.2
done
status=0
wait "$pid" || status=$?
pid=""
grep -qx 'Services stopped\.' "$log" || fail "no 'Services stopped.' after SIGTERM (exit status $status)"
echo "  stopped $((SECONDS - stop_start)) s after SIGTERM (exit status $status), printed 'Services stopped.'"
echo "Smoke test passed."
