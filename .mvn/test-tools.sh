#!/usr/bin/env bash
# The programs the tests (and the packaging) run for real, found or installed before they start:
#
#   .mvn/test-tools.sh postgresql rabbitmq prometheus objcopy
#
# Each module's pom names what its tests need (property test.tools) and Maven runs this before
# the module's tests (skipped with -DskipTests). For each program it looks in the places the tests
# look; what is missing it installs where it can:
#   - Debian or Ubuntu (apt-get): as root, or with sudo that asks no password;
#   - macOS: with Homebrew;
# and otherwise prints one line saying exactly what to install and how, and exits with status 1.
#
# OPSCONSOLE_TOOLS_ROOT (empty by default) is put before every fixed path it looks at, so its own
# test can run it against a fake machine without touching this one's packages.
set -uo pipefail
root="${OPSCONSOLE_TOOLS_ROOT:-}"

# `found NAME`: 0 when the program is there, in a place the tests look
found() {
  case "$1" in
    postgresql)
      compgen -G "$root/usr/lib/postgresql/[0-9]*/bin/initdb" >/dev/null \
        || compgen -G "$root/opt/homebrew/opt/postgresql@*/bin/initdb" >/dev/null \
        || compgen -G "$root/usr/local/opt/postgresql@*/bin/initdb" >/dev/null \
        || command -v initdb >/dev/null ;;
    rabbitmq)
      [ -x "$root/usr/sbin/rabbitmq-server" ] || [ -x "$root/opt/homebrew/sbin/rabbitmq-server" ] \
        || [ -x "$root/usr/local/sbin/rabbitmq-server" ] || command -v rabbitmq-server >/dev/null ;;
    prometheus) command -v prometheus >/dev/null ;;
    objcopy) command -v objcopy >/dev/null ;;
    *) echo "test-tools: unknown program '$1' (known: postgresql rabbitmq prometheus objcopy)" >&2; exit 2 ;;
  esac
}
# what the user reads, Debian's package, Homebrew's formula
label() { case "$1" in postgresql) echo PostgreSQL;; rabbitmq) echo RabbitMQ;; prometheus) echo Prometheus;; objcopy) echo objcopy;; esac; }
apt_package() { case "$1" in postgresql) echo postgresql;; rabbitmq) echo rabbitmq-server;; prometheus) echo prometheus;; objcopy) echo binutils;; esac; }
brew_formula() { case "$1" in postgresql) echo postgresql@15;; rabbitmq) echo rabbitmq;; prometheus) echo prometheus;; objcopy) echo binutils;; esac; }

missing=()
for name in "$@"; do
  for one in $name; do   # a Maven property may pass several names in one argument
    found "$one" || missing+=("$one")
  done
done
[ ${#missing[@]} -eq 0 ] && exit 0

labels=$(for m in "${missing[@]}"; do label "$m"; done | paste -sd, - | sed 's/,/, /g')
packages=$(for m in "${missing[@]}"; do apt_package "$m"; done | paste -sd' ' -)
formulas=$(for m in "${missing[@]}"; do brew_formula "$m"; done | paste -sd' ' -)
# runs a command with its output kept aside, shown (the end of it) only when it fails
quietly() {
  local log status
  log=$(mktemp)
  "$@" >"$log" 2>&1
  status=$?
  [ $status -eq 0 ] || tail -n 15 "$log" >&2
  rm -f "$log"
  return $status
}
cannot() {
  echo "This build needs $labels, which this machine lacks and this script can't install here: $1" >&2
  exit 1
}

case "$(uname -s)" in
  Linux)
    command -v apt-get >/dev/null \
      || cannot "install $labels with your package manager (Debian names: $packages), then the tests again"
    if [ "$(id -u)" = 0 ]; then
      as_root=()
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      as_root=(sudo)
    else
      cannot "run 'sudo apt-get install $packages', then the tests again"
    fi
    echo "test-tools: installing $labels: ${as_root[*]:+${as_root[*]} }apt-get install $packages" >&2
    # ${a[@]+"${a[@]}"}: an empty array under set -u, also on bash before 4.4
    quietly ${as_root[@]+"${as_root[@]}"} apt-get update \
      && quietly ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y $packages \
      || cannot "'apt-get install $packages' failed (its last lines are above); run it yourself, then the tests again"
    ;;
  Darwin)
    command -v brew >/dev/null \
      || cannot "install Homebrew (https://brew.sh), then 'brew install $formulas', then the tests again"
    echo "test-tools: installing $labels: brew install $formulas" >&2
    quietly brew install $formulas \
      || cannot "'brew install $formulas' failed (see above); run it yourself, then the tests again"
    ;;
  *)
    cannot "install $labels (on Windows the tests run under WSL with Debian or Ubuntu)"
    ;;
esac

still=()
for m in "${missing[@]}"; do found "$m" || still+=("$m"); done
if [ ${#still[@]} -gt 0 ]; then
  labels=$(for m in "${still[@]}"; do label "$m"; done | paste -sd, - | sed 's/,/, /g')
  cannot "after the install $labels still can't be found where the tests look (listed in .mvn/test-tools.sh)"
fi
echo "test-tools: $(for m in "${missing[@]}"; do label "$m"; done | paste -sd, - | sed 's/,/, /g') installed" >&2
