#!/usr/bin/env bash
# Costs as the data grows: the list, a deep page (by cursor), filtered pages and searches, with the
# demo data at two sizes (default 10,000 and 1,000,000 users, three orders each), on H2 and, when
# PostgreSQL is installed, on a private PostgreSQL. The smaller size is the reference: the table
# gives requests/s and p99 of each endpoint at each size and how many times slower the big size answers (small/big req/s; the goal: every
# endpoint within 2x).
#
#   bench/data-scale.sh [SMALL] [BIG] [SECONDS]     (default 10000 1000000 10)
#
# Needs wrk (apt-get install wrk) and the jars (./mvnw -DskipTests package). Targets only 127.0.0.1.
# The demo data is made by the services themselves (-Ddemo-users=N, as `serve --demo-data N`).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
. .mvn/find-jdk.sh
small="${1:-10000}"
big="${2:-1000000}"
secs="${3:-10}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
users_jar=services/user-service/target/user-service.jar
orders_jar=services/order-service/target/order-service.jar
[ -f "$users_jar" ] && [ -f "$orders_jar" ] || { echo "build the jars first: ./mvnw -DskipTests package" >&2; exit 1; }

work="$(mktemp -d)"
pids=()
pg_bin=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "$pg_bin" ] && "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# 1234567 as 1,234,567, as the services' log writes counts
grouped() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
wait_quiet() { for _ in $(seq 1 1200); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done; }
wait_log() { for _ in $(seq 1 3600); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done; echo "not in $1: $2" >&2; tail -5 "$1" >&2; exit 1; }

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
# DATABASES="h2" or "postgresql" measures one of them; PostgreSQL only when it is installed
databases=()
for db in ${DATABASES:-h2 postgresql}; do
  [ "$db" = postgresql ] && [ -z "$pg_bin" ] && { echo "PostgreSQL is not installed: measuring H2 only" >&2; continue; }
  databases+=("$db")
done

pg_start() {
  mkdir -p "$work/pg"
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$work"; as=(runuser -u postgres --); else as=(); fi
  "${as[@]}" "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust >/dev/null
  "${as[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -o "-p 15499 -k $work -c fsync=off" -l "$work/pg.log" start >/dev/null
}
pg_db() { "${as[@]}" "$pg_bin/psql" -h 127.0.0.1 -p 15499 -U postgres -qAtc "CREATE DATABASE $1" >/dev/null; echo "jdbc:postgresql://127.0.0.1:15499/$1?user=postgres"; }

# one run: both services on fresh databases with N demo users, then every endpoint measured
measure() {
  local db=$1 n=$2 dir="$work/$1-$2" users_url orders_url
  mkdir -p "$dir"
  local dbargs_users=(-Ddata-dir="$dir") dbargs_orders=(-Ddata-dir="$dir")
  if [ "$db" = postgresql ]; then
    dbargs_users+=(-Djdbc-url="$(pg_db "users_$n")")
    dbargs_orders+=(-Djdbc-url="$(pg_db "orders_$n")")
  fi
  "$JAVA_HOME/bin/java" -Xmx1g -Dserver.port=18291 "${dbargs_users[@]}" -Ddemo-users="$n" -jar "$users_jar" >"$dir/users.log" 2>&1 &
  local users_pid=$!; pids+=($users_pid)
  "$JAVA_HOME/bin/java" -Xmx1g -Dserver.port=18292 "${dbargs_orders[@]}" -Ddemo-users="$n" \
    -Duser-service.url=http://127.0.0.1:18291 -jar "$orders_jar" >"$dir/orders.log" 2>&1 &
  local orders_pid=$!; pids+=($orders_pid)
  local started=$SECONDS
  # the services say they are ready once their demo data is made (the orders' lines after the orders)
  wait_log "$dir/users.log" "users ready on"
  wait_log "$dir/orders.log" "orders ready on"
  grep -q "demo data: $(grouped $((n * 3))) of $(grouped $((n * 3))) orders" "$dir/orders.log" \
    || { echo "the orders service made no $n users' demo data" >&2; exit 1; }
  echo "   $db, $n users: demo data made in $((SECONDS - started)) s" >&2
  if [ "$db" = postgresql ]; then
    # a database in use has been vacuumed (index-only scans need the visibility map): measure one
    for base in "users_$n" "orders_$n"; do "${as[@]}" "$pg_bin/psql" -h 127.0.0.1 -p 15499 -U postgres -d "$base" -qAtc "VACUUM ANALYZE"; done
  fi
  if [ "$db" = h2 ]; then
    # H2Compaction shrinks the grown files once the writes stop, pausing each database for seconds
    # at a million rows: measure after it (or after 10 minutes, when a file did not grow enough)
    wait_quiet "$dir/users.log" "compacted users.mv.db"; wait_quiet "$dir/orders.log" "compacted orders.mv.db"
  fi
  users_url=http://127.0.0.1:18291; orders_url=http://127.0.0.1:18292
  local deep_users deep_orders one_email
  # one user's whole email: one match at any size (on H2 a search matches the start of a name or email)
  one_email=$(curl -sf "$users_url/users/4242" | sed -n 's/.*"email":"\([^"]*\)".*/\1/p')
  deep_users=$(curl -sf "$users_url/users?limit=20&sort=name&offset=$((n - 200))" | sed -n 's/.*"next":"\([^"]*\)".*/\1/p')
  deep_orders=$(curl -sf "$orders_url/orders?limit=20&sort=-createdAt&offset=$((n * 2))" | sed -n 's/.*"next":"\([^"]*\)".*/\1/p')
  local -A endpoints=(
    [users-first]="$users_url/users?limit=20"
    [users-deep]="$users_url$deep_users"
    [users-search-rare]="$users_url/users?q=zzqx"
    [users-search-one]="$users_url/users?q=$one_email"
    [users-search-name]="$users_url/users?q=grace.torvalds.1"
    [users-search-common]="$users_url/users?q=grace"
    [orders-first]="$orders_url/orders?limit=20"
    [orders-of-user]="$orders_url/orders?userId=4242"
    [orders-by-status]="$orders_url/orders?status=SHIPPED&limit=20"
    [orders-deep]="$orders_url$deep_orders"
  )
  for name in "${!endpoints[@]}"; do
    wrk -t2 -c16 -d2s "${endpoints[$name]}" >/dev/null 2>&1 || true
    out=$(wrk -t2 -c16 -d"${secs}s" --latency "${endpoints[$name]}")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    echo "$db $n $name $rps $p99 ${errors:-0}"
  done
  kill "$users_pid" "$orders_pid"; wait "$users_pid" "$orders_pid" 2>/dev/null || true
}

[ " ${databases[*]} " = " h2 " ] || pg_start
: >"$work/results"
for db in "${databases[@]}"; do
  for n in "$small" "$big"; do
    echo "== $db, $n users" >&2
    measure "$db" "$n" >>"$work/results"
  done
done

echo
printf '%-11s %-18s %12s %10s %12s %10s %8s\n' database endpoint "req/s small" "p99 small" "req/s big" "p99 big" "slower"
awk -v small="$small" -v big="$big" '
  $2 == small {s[$1" "$3] = $4; sp[$1" "$3] = $5}
  $2 == big {b[$1" "$3] = $4; bp[$1" "$3] = $5; e[$1" "$3] = $6}
  END { for (k in s) { split(k, p, " "); printf "%-11s %-18s %12.0f %10s %12.0f %10s %8.2f%s\n", p[1], p[2], s[k], sp[k], b[k], bp[k], (b[k] > 0 ? s[k] / b[k] : 0), (e[k] > 0 ? "  (" e[k] " non-2xx)" : "") } }
' "$work/results" | sort
