#!/usr/bin/env sh
# Used by ./mvnw -Pimage package in each service module: a jlink runtime of the JDK modules the
# services need, laid out as the image's root (OUT/opt/java), plus an empty OUT/tmp.
# Usage: image-runtime.sh JAVA_HOME OUT MODULES
# The modules come from jdeps over the service jars and their libraries (packaging/jdk-modules.sh
# does the same for the console); H2-only ones (java.compiler, java.instrument, java.scripting,
# jdk.net) are left out as for the console, and java.prefs, which only the console uses.
# jlink links the JDK it is run from: build the image on Linux x64 for a Linux x64 image.
set -eu
java_home="$1" out="$2" modules="$3"
rm -rf "$out"
mkdir -p "$out/opt" "$out/tmp"
"$java_home/bin/jlink" --add-modules "$modules" --output "$out/opt/java" \
    --strip-debug --no-header-files --no-man-pages --compress zip-6
