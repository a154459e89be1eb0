#!/usr/bin/env bash
# Puts src/main/launcher/linux-launcher.sh in place of each of jpackage's launchers in a Linux app
# image (bin/NAME for each lib/app/NAME.cfg), and leaves the runtime's java command the only one in
# its bin folder. Why: see the launcher. Usage: use-script-launchers.sh IMAGE_DIR
set -euo pipefail
image="$1"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ -x "$image/lib/runtime/bin/java" ] || { echo "use-script-launchers: no java command in $image/lib/runtime/bin" >&2; exit 1; }
for cfg in "$image"/lib/app/*.cfg; do
  name="$(basename "$cfg" .cfg)"
  [ -f "$image/bin/$name" ] || continue
  install -m 755 "$here/main/launcher/linux-launcher.sh" "$image/bin/$name"
  echo "launcher: $image/bin/$name runs lib/runtime/bin/java with lib/app/$name.cfg"
done
find "$image/lib/runtime/bin" -type f ! -name java -delete
