# Sourced by ./mvnw and ./opsconsole: points JAVA_HOME at a JDK 25 or newer.
# Order: JAVA_HOME if it is new enough, then `java` on the PATH, then the usual install folders.
opsconsole_java_major() {
  # a JDK says its version in its release file: read without starting a JVM (about 0.25 s, on every
  # start of ./opsconsole); asked of the JVM itself only when that file is missing
  local major
  major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1)
  if [ -n "$major" ]; then
    echo "$major"
    return
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
opsconsole_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
      /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[5-9]* /usr/lib/jvm/jdk-2[5-9]* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(opsconsole_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "Ops Console needs a JDK 25 or newer and found none." >&2
  echo "Install one (for example Temurin 25: https://adoptium.net, or 'apt-get install temurin-25-jdk')" >&2
  echo "and set JAVA_HOME to it." >&2
  return 1
}
opsconsole_find_jdk || exit 1
