#!/usr/bin/env bash
# The packaged app's launcher on Linux (bin/opsconsole of the app image and of the .deb): starts
# the image's own runtime with the options, class path and main class of lib/app/<launcher's
# name>.cfg, which jpackage wrote, as jpackage's own launcher would. It replaces
# that launcher because jpackage's asks the package managers which package holds it at every start
# (`rpm -qf`, then `dpkg -S`, twice): about a quarter of a second before Java even starts.
set -euo pipefail
self="$(readlink -f "${BASH_SOURCE[0]}")"
name="$(basename "$self")"
image="$(dirname "$(dirname "$self")")"
app="$image/lib/app"
cfg="$app/$name.cfg"
[ -f "$cfg" ] || { echo "$name: its configuration $cfg is missing" >&2; exit 1; }
options=()
class_path=""
main_class=""
while IFS= read -r line || [ -n "$line" ]; do
  line="${line//\$APPDIR/$app}"
  case "$line" in
    app.classpath=*) class_path="${class_path:+$class_path:}${line#app.classpath=}" ;;
    app.mainclass=*) main_class="${line#app.mainclass=}" ;;
    java-options=*) options+=("${line#java-options=}") ;;
  esac
done < "$cfg"
# without a GPU, JavaFX draws in software anyway: GTK and Prism are spared opening OpenGL (Mesa's
# software renderer, 56 MB resident) to find that out, as ./opsconsole does (see there); the
# commands without a window don't mind
gl_options=()
has_gpu() {
  local device
  for device in /dev/dri/renderD* /dev/nvidia0 /dev/dxg; do [ -e "$device" ] && return 0; done
  return 1
}
if [ -z "${GDK_GL+set}" ] && ! has_gpu; then
  export GDK_GL=disable
  gl_options=(-Dprism.order=sw)
fi
exec "$image/lib/runtime/bin/java" "${gl_options[@]}" "${options[@]}" -Djpackage.app-path="$self" -Dopsconsole.launcher="$self" -cp "$class_path" "$main_class" "$@"
