#!/usr/bin/env bash
# The packaged app's start-up cache (a JDK 25 AOT cache), made as ./opsconsole makes its own: a
# training run of the app image's own launcher (its runtime, its class path) shows every screen once
# the services run and quits, recording the cache into the image; the launcher's configuration then
# names it, so every start of the app (and of an installer made from the image) uses it. A copy of
# the image that does not keep the files' times (cp without -p) starts without it.
# On a display ($DISPLAY, else Xvfb started here when installed), or else on JavaFX's headless
# platform (the cache then lacks the few classes of the desktop's own window system). The training
# uses a home of its own: the builder's saved screen, theme and window place are neither read nor
# changed.
# A training that fails leaves the image without the cache (it starts, only slower) and says so;
# with STARTUP_CACHE_REQUIRED=1 (CI) it fails the build instead.
# Usage: train-app-image.sh IMAGE_DIR   (e.g. target/opsconsole; Linux app images)
set -euo pipefail
image="$1"
name="$(basename "$image")"
launcher="$image/bin/$name"
cfg="$image/lib/app/$name.cfg"
aot="$image/lib/app/$name.aot"
times="$image/lib/app/$name.aot.times"
[ -x "$launcher" ] && [ -f "$cfg" ] || { echo "train-app-image: no app image at $image" >&2; exit 1; }

xvfb=""
work="$(mktemp -d)"
cleanup() {
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
without_cache() {
  echo "WARNING: $1: the app image has no start-up cache (it starts without it, slower)" >&2
  for log in "$work"/*.log; do [ -f "$log" ] && { echo "--- $(basename "$log")" >&2; tail -n 30 "$log" >&2; }; done
  rm -f "$aot" "$times"
  [ "${STARTUP_CACHE_REQUIRED:-0}" = 1 ] && exit 1
  exit 0
}
case "$image" in *[[:space:]]*) without_cache "the path $image holds a space, which JAVA_TOOL_OPTIONS can't carry" ;; esac

headless=""
if [ -z "${DISPLAY:-}" ]; then
  if command -v Xvfb > /dev/null; then
    # Xvfb picks a free display itself and writes its number once it accepts connections
    Xvfb -displayfd 3 -screen 0 1600x1000x24 3> "$work/display" > /dev/null 2>&1 & xvfb=$!
    for _ in $(seq 1 100); do [ -s "$work/display" ] && break; kill -0 "$xvfb" 2>/dev/null || break; sleep 0.1; done
  fi
  if [ -s "$work/display" ]; then
    export DISPLAY=":$(tr -d '[:space:]' < "$work/display")"
  else
    headless="-Dglass.platform=Headless -Dprism.order=sw"
  fi
fi

rm -f "$aot" "$times"
# a cache named in the configuration (of an earlier training) would stop the JVM from recording
sed -i '/^java-options=-XX:AOTCache=/d; /^java-options=-Xlog:aot\*=off$/d; /^java-options=-Xlog:cds\*=off$/d' "$cfg"
# Two steps, each through the launcher (the JVM reads JAVA_TOOL_OPTIONS whatever starts it, so the
# launcher runs exactly as at a user's start): the training run records what it loads and links, then
# a start in create mode writes the cache and exits without running the app (the one-step
# -XX:AOTCacheOutput would start a second JVM outside the launcher, on other options)
config="$work/$name.aotconf"
mkdir -p "$work/home"
# a user's saved settings (an empty set): every start after a user's first reads them, and the XML
# parser that reads them then comes from the cache too
prefs="$work/home/.java/.userPrefs/org/opsconsole/console"
mkdir -p "$prefs"
cat > "$prefs/prefs.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE map SYSTEM "http://java.sun.com/dtd/preferences.dtd">
<map MAP_XML_VERSION="1.0"/>
XML
JAVA_TOOL_OPTIONS="-XX:AOTMode=record -XX:AOTConfiguration=$config -Duser.home=$work/home $headless" \
  timeout 300 "$launcher" --training-run --data-dir "$work/data" --user-port 0 --order-port 0 \
  > "$work/training.log" 2>&1 || without_cache "the training run failed (exit $?)"
JAVA_TOOL_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$config -XX:AOTCache=$aot" \
  timeout 300 "$launcher" > "$work/create.log" 2>&1 || without_cache "the cache could not be written (exit $?)"
[ -f "$aot" ] || without_cache "the JVM wrote no cache"
# the cache holds each jar of the class path by its time of change; an installer's copy of the files
# gets new times, so it sets these back when it installs (jpackage/linux/postinst)
(cd "$image/lib/app" && stat -c '%Y %n' -- *.jar) > "$times"
# $APPDIR is lib/app of wherever the app is installed; the cache is checked against the class path
# and the runtime at each start, and a start that can't use it runs without it, silently
sed -i '/^\[JavaOptions\]/a java-options=-XX:AOTCache=$APPDIR/'"$name"'.aot\njava-options=-Xlog:aot*=off\njava-options=-Xlog:cds*=off' "$cfg"
echo "start-up cache recorded: $aot ($(( $(stat -c %s "$aot") / 1024 / 1024 )) MiB)"
