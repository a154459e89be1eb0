#!/usr/bin/env bash
# Prints the JDK modules the packaged jars use, per jdeps, to check `app.jdk.modules` in
# packaging/pom.xml after a dependency changes. Run after ./mvnw -Ppackage package -DskipTests
# (it reads packaging/target/input and packaging/target/javafx). jdeps sees only static
# references: services found by reflection or ServiceLoader still need a run of the app image.
# It also prints java.compiler, java.instrument, java.scripting and jdk.net besides the
# pom's list: H2 features (Java functions, profiler, scripting, its TCP server) we don't use.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/../.mvn/find-jdk.sh"
input="$here/target/input" javafx="$here/target/javafx"
[ -d "$input" ] && [ -d "$javafx" ] || { echo "build first: ./mvnw -Ppackage package -DskipTests -Dinstaller.skip=true" >&2; exit 1; }
# one jdeps per jar (a single run over all of them misses modules); slow, minutes on 2 cores
export JAVA_HOME input javafx
ls "$input"/*.jar | xargs -P 2 -I{} sh -c \
    '"$JAVA_HOME/bin/jdeps" -q --ignore-missing-deps --multi-release 25 --module-path "$input:$javafx" --print-module-deps "{}" 2>/dev/null | tail -n 1' \
  | tr ',' '\n' | grep -E '^(java|jdk)\.' | sort -u | paste -sd, -
