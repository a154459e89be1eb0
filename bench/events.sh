#!/usr/bin/env bash
# Benchmark of the events (not a test), in one run: a burst of user creations and the relay's rate
# from the outbox to RabbitMQ with publisher confirms (keeping pace with the writes, and catching up
# after an outage with the whole burst waiting), then the end-to-end delay from
# DELETE /users/{id} to the user's order being CANCELLED, with the broker and without (the orders
# service polling the users service's /events).
#
#   bench/events.sh [BURST] [CASCADES]     (defaults 50000 and 300)
#
# Starts a private RabbitMQ node (Debian's rabbitmq-server) and `serve` twice on fresh data
# folders: ports 38081/38082 with the broker, 38091/38092 without. Targets only 127.0.0.1.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
. .mvn/find-jdk.sh
burst="${1:-50000}"
cascades="${2:-300}"
[ -x /usr/sbin/rabbitmq-server ] || { echo "rabbitmq-server is missing: apt-get install rabbitmq-server" >&2; exit 1; }
[ -f console-app/target/opsconsole.jar ] || ./mvnw -q -B -DskipTests install

work="$(mktemp -d)"; chmod 755 "$work"
node="bench$$@localhost"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rabbitmqctl -n "$node" stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/rmq"; echo '[].' > "$work/rmq/plugins"
[ "$(id -u)" = 0 ] && chown -R rabbitmq:rabbitmq "$work/rmq"
start_node() {
  RABBITMQ_NODENAME="$node" RABBITMQ_NODE_PORT=35672 RABBITMQ_DIST_PORT=35673 RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_MNESIA_BASE="$work/rmq/mnesia" RABBITMQ_LOG_BASE="$work/rmq/log" RABBITMQ_PID_FILE="$work/rmq/pid" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$work/rmq/plugins" rabbitmq-server >>"$work/rmq.log" 2>&1 &
  for _ in $(seq 1 240); do (echo > /dev/tcp/127.0.0.1/35672) 2>/dev/null && return 0; sleep 0.5; done
  echo "RabbitMQ did not start" >&2; exit 1
}
wait_for() { for _ in $(seq 1 240); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }

serve() { # user-port order-port folder [broker]
  "$JAVA_HOME/bin/java" -Xmx1g -jar console-app/target/opsconsole.jar serve --user-port "$1" --order-port "$2" \
    --data-dir "$3" --no-demo-data ${4:+--broker "$4"} >"$3.log" 2>&1 &
  pids+=($!)
}
serve 38081 38082 "$work/with" amqp://guest:guest@127.0.0.1:35672
serve 38091 38092 "$work/without"
wait_for http://127.0.0.1:38082/observe/health; wait_for http://127.0.0.1:38092/observe/health
bench=("$JAVA_HOME/bin/java" bench/EventsBench.java)

# the broker starts only after the first burst: until then it is away, and events wait in the outbox
echo "== warm-up (without a broker)"
"${bench[@]}" cascade http://127.0.0.1:38091 http://127.0.0.1:38092 50 >/dev/null
echo "== burst of $burst user creations with the broker away, then the relay catching up once it is there"
"${bench[@]}" burst http://127.0.0.1:38081 "$burst" away
start_node
"${bench[@]}" drain http://127.0.0.1:38081
echo "== burst of $burst user creations, broker with publisher confirms"
"${bench[@]}" burst http://127.0.0.1:38081 "$burst"
echo "== delete to cancelled, with the broker"
"${bench[@]}" cascade http://127.0.0.1:38081 http://127.0.0.1:38082 50 >/dev/null
"${bench[@]}" cascade http://127.0.0.1:38081 http://127.0.0.1:38082 "$cascades"
echo "== delete to cancelled, without a broker (orders polls /events)"
"${bench[@]}" cascade http://127.0.0.1:38091 http://127.0.0.1:38092 "$cascades"
