#!/usr/bin/env bash
# The packaged app's start-up cache (a JDK 25 AOT cache), made as ./opsconsole makes its own: a
# training run of the app image's own launcher (its runtime, its class path) shows every screen once
# the services run and quits, recording the cache into the image; the launcher's configuration then
# names it, so every start of the app (and of an installer made from the image) uses it. A copy of
# the image that does not keep the files' times (cp without -p) starts without it.
# On a display ($DISPLAY, else Xvfb started here when installed), or else on JavaFX's headless
# platform (the cache then lacks the few classes of the desktop's own window system).
# Usage: train-app-image.sh IMAGE_DIR   (e.g. target/opsconsole; Linux app images)
set -euo pipefail
image="$1"
name="$(basename "$image")"
launcher="$image/bin/$name"
cfg="$image/lib/app/$name.cfg"
aot="$image/lib/app/$name.aot"
[ -x "$launcher" ] && [ -f "$cfg" ] || { echo "train-app-image: no app image at $image" >&2; exit 1; }

xvfb=""
work="$(mktemp -d)"
cleanup() {
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
headless=""
if [ -z "${DISPLAY:-}" ]; then
  if command -v Xvfb > /dev/null; then
    for n in $(seq 70 99); do [ -e "/tmp/.X11-unix/X$n" ] || break; done
    Xvfb ":$n" -screen 0 1600x1000x24 > /dev/null 2>&1 & xvfb=$!
    export DISPLAY=":$n"
    for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
  else
    headless="-Dglass.platform=Headless -Dprism.order=sw"
  fi
fi

rm -f "$aot"
# a cache named in the configuration (of an earlier training) would stop the JVM from recording
sed -i '/^java-options=-XX:AOTCache=/d; /^java-options=-Xlog:aot\*=off$/d; /^java-options=-Xlog:cds\*=off$/d' "$cfg"
# Two steps, each through the launcher (the JVM reads JAVA_TOOL_OPTIONS whatever starts it, so the
# launcher runs exactly as at a user's start): the training run records what it loads and links, then
# a start in create mode writes the cache and exits without running the app (the one-step
# -XX:AOTCacheOutput would start bin/java for the second step, which the trimmed runtime leaves out)
config="$work/$name.aotconf"
if ! JAVA_TOOL_OPTIONS="-XX:AOTMode=record -XX:AOTConfiguration=$config $headless" "$launcher" --training-run \
      --data-dir "$work/data" --user-port 0 --order-port 0 > "$work/training.log" 2>&1 \
    || ! JAVA_TOOL_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$config -XX:AOTCache=$aot" "$launcher" \
      > "$work/create.log" 2>&1 \
    || [ ! -f "$aot" ]; then
  echo "WARNING: the training run failed: the app image has no start-up cache (it starts without it, slower)" >&2
  tail -5 "$work/training.log" "$work/create.log" 2>/dev/null >&2 || true
  rm -f "$aot"
  exit 0
fi
# the cache holds each jar of the class path by its time of change; an installer's copy of the files
# gets new times, so it sets these back when it installs (jpackage/linux/postinst)
(cd "$image/lib/app" && stat -c '%Y %n' -- *.jar) > "$image/lib/app/$name.aot.times"
# $APPDIR is lib/app of wherever the app is installed; the cache is checked against the class path
# and the runtime at each start, and a start that can't use it runs without it, silently
sed -i '/^\[JavaOptions\]/a java-options=-XX:AOTCache=$APPDIR/'"$name"'.aot\njava-options=-Xlog:aot*=off\njava-options=-Xlog:cds*=off' "$cfg"
echo "start-up cache recorded: $aot ($(( $(stat -c %s "$aot") / 1024 / 1024 )) MB)"
