#!/usr/bin/env bash
# The services' contract as another program reads it: each service's served OpenAPI document
# linted by Redocly's CLI (its recommended rules, strict: a warning fails too), and its metrics by
# Prometheus's promtool. Runs the built product (`./opsconsole serve` on free ports), so it comes
# after the build. Redocly comes from npm (pinned), promtool from the Prometheus package that the
# tests' .mvn/test-tools.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
REDOCLY_VERSION=2.77.0

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

command -v npm >/dev/null || { echo "contract-lint: npm is needed for Redocly's CLI (Debian: apt-get install npm)" >&2; exit 1; }
.mvn/test-tools.sh prometheus
command -v promtool >/dev/null || { echo "contract-lint: promtool is missing (it comes with Prometheus)" >&2; exit 1; }
npm install --silent --no-audit --no-fund --prefix "$work/redocly" "@redocly/cli@$REDOCLY_VERSION" >/dev/null
redocly="$work/redocly/node_modules/.bin/redocly"

OPSCONSOLE_NO_BUILD=1 ./opsconsole serve --data-dir "$work/data" --user-port 0 --order-port 0 >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  grep -q "^orders ready on" "$work/serve.log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.5
done
grep -q "^orders ready on" "$work/serve.log" || { echo "contract-lint: the services did not start" >&2; cat "$work/serve.log" >&2; exit 1; }

status=0
for service in users orders; do
  url=$(sed -n "s/^$service ready on \(http:[^ ]*\).*/\1/p" "$work/serve.log")
  curl -fsS "$url/openapi" -o "$work/$service.yaml"
  echo "contract-lint: $service OpenAPI document ($url/openapi)"
  # recommended-strict: the recommended rules, with what they only warn about made errors
  if ! "$redocly" lint --extends=recommended-strict "$work/$service.yaml" 2>&1 | grep -v '[║╔╚]'; then
    echo "contract-lint: Redocly found problems in the $service document" >&2
    status=1
  fi
  echo "contract-lint: $service metrics ($url/observe/metrics)"
  if ! curl -fsS "$url/observe/metrics" | promtool check metrics; then
    echo "contract-lint: promtool found problems in the $service metrics" >&2
    status=1
  fi
done
exit $status
