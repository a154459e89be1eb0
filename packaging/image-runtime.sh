#!/usr/bin/env sh
# Used by ./mvnw -Pimage package in each service module: the image's own root (OUT), laid over an
# empty ("scratch") base: a jlink runtime of the JDK modules the services need at OUT/opt/java, the
# C library it runs on (Debian's libc6 package, unpacked), a passwd entry for the non-root user
# 65532, and an empty OUT/tmp.
# Usage: image-runtime.sh JAVA_HOME OUT MODULES
# The modules come from jdeps over the service jars and their libraries (packaging/jdk-modules.sh
# does the same for the console); H2-only ones (java.compiler, java.instrument, java.scripting,
# jdk.net) are left out as for the console, and java.prefs, which only the console uses.
# jlink links the JDK it is run from, and libc6 is this machine's architecture: build the image on
# Debian (or Ubuntu) x64 for a Linux x64 image.
set -eu
java_home="$1" out="$2" modules="$3"
rm -rf "$out"
mkdir -p "$out/opt" "$out/tmp" "$out/etc"
"$java_home/bin/jlink" --add-modules "$modules" --output "$out/opt/java" \
    --strip-debug --no-header-files --no-man-pages --compress zip-6

command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || {
  echo "image-runtime.sh: the image's C library comes from Debian's libc6 package: build on Debian or Ubuntu" >&2
  exit 1
}
debs="$(mktemp -d)"
trap 'rm -rf "$debs"' EXIT
(cd "$debs" && { apt-get download libc6 >/dev/null 2>&1 || { apt-get update -qq && apt-get download libc6 >/dev/null; }; })
dpkg-deb -x "$debs"/libc6_*.deb "$out"
rm -rf "$out/usr/share"    # documentation and locales: not needed to run java
echo "nonroot:x:65532:65532:Ops Console service:/tmp:/sbin/nologin" > "$out/etc/passwd"
echo "nonroot:x:65532:" > "$out/etc/group"
