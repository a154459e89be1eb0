# Sourced by ./mvnw and ./opsconsole: points JAVA_HOME at a JDK 25 or newer.
# Order: JAVA_HOME if it is new enough, then `java` on the PATH, then the usual install folders.
# Every start of ./opsconsole sources this: it starts no program it can do without (each one costs
# a few milliseconds), so the version comes from the JDK's release file, read by bash itself.
opsconsole_java_major() {   # sets $major to the JDK's feature version, empty when unknown
  local line
  major=""
  if [ -r "$1/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        JAVA_VERSION=\"*) line="${line#JAVA_VERSION=\"}"; major="${line%%[!0-9]*}"; return ;;
      esac
    done < "$1/release"
  fi
  # no release file: ask the JVM (about 0.25 s)
  major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)
}
opsconsole_find_jdk() {
  local candidate on_path="" major
  if command -v java > /dev/null 2>&1; then
    on_path="$(readlink -f "$(command -v java)")"
    on_path="${on_path%/bin/java}"
  fi
  for candidate in "${JAVA_HOME:-}" "$on_path" \
      /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[5-9]* /usr/lib/jvm/jdk-2[5-9]* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    opsconsole_java_major "$candidate"
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
