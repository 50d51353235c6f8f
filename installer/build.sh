#!/usr/bin/env bash
# Builds Comptoir's native installer for this OS with its own Java runtime (issue 15; decisions 0036, 0037).
# Run by `./mvnw -Pinstaller package` after the app's fat jar is built, on the OS the installer is for (the fat
# jar carries that OS's JavaFX natives).
#   1. The runtime: jlink with src/jlink/runtime.args, from the newest JDK found with jlink and jpackage
#      ($COMPTOIR_RUNTIME_JDK, $JAVA_HOME, /usr/lib/jvm/*, the one on the PATH): 25 or newer gets the AOT cache.
#   2. The app image: jpackage --type app-image with src/jpackage/common.args + app-image.args; the SQLite and
#      JavaFX natives lie next to the jar, so that no start unpacks them again.
#   3. The start cache (JDK 25+, and a display or xvfb-run): the image started up to the sign-in screen of a demo
#      terminal, the classes it loaded kept in an AOT cache next to the jar, named in the launcher's options.
#   4. The package: jpackage --app-image with src/jpackage/common.args + <os>.args (+ src/jpackage/<os>/ templates).
#   bash installer/build.sh <linux|windows|macos> <version>
set -euo pipefail
os="$1"
version="${2%%-*}"   # jpackage wants numbers only: 0.1.0-SNAPSHOT -> 0.1.0
here="$(cd "$(dirname "$0")" && pwd)"
# Git Bash on Windows: paths as C:/... , which both bash and the JDK's tools read.
command -v cygpath >/dev/null 2>&1 && here="$(cygpath -m "$here")"
jar="$here/../app/target/comptoir.jar"
out="$here/target"
[ -f "$jar" ] || { echo "No $jar: build the app first (./mvnw -Pinstaller package builds both)." >&2; exit 2; }

# --- The JDK whose runtime the package carries.
jdk_version() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }
jdk="${COMPTOIR_RUNTIME_JDK:-}"
if [ -z "$jdk" ]; then
  best=0
  on_path="$(command -v jlink >/dev/null 2>&1 && dirname "$(dirname "$(readlink -f "$(command -v jlink)")")" || true)"
  for d in "${JAVA_HOME:-}" /usr/lib/jvm/* "$on_path"; do
    [ -n "$d" ] && [ -x "$d/bin/jlink" ] && [ -x "$d/bin/jpackage" ] || continue
    v="$(jdk_version "$d")"
    if [ -n "$v" ] && [ "$v" -gt "$best" ]; then best="$v"; jdk="$d"; fi
  done
fi
[ -n "$jdk" ] || { echo "No JDK with jlink and jpackage found: set COMPTOIR_RUNTIME_JDK." >&2; exit 2; }
feature="$(jdk_version "$jdk")"
echo "Runtime from $jdk (Java $feature)"

case "$os" in
  linux) icon="$here/src/icons/comptoir.png"; image_dir="comptoir"; launcher="bin/comptoir"; app_dir="lib/app"
         sqlite_os="Linux"; sqlite_lib="libsqlitejdbc.so"; fx_natives='lib[^/]*\.so' ;;
  windows) icon="$here/src/icons/comptoir.ico"; image_dir="comptoir"; launcher="comptoir-cli.exe"; app_dir="app"
         sqlite_os="Windows"; sqlite_lib="sqlitejdbc.dll"; fx_natives='[^/]*\.dll' ;;
  macos) icon="$here/src/icons/comptoir.icns"; image_dir="comptoir.app"; launcher="Contents/MacOS/comptoir"; app_dir="Contents/app"
         sqlite_os="Mac"; sqlite_lib="libsqlitejdbc.dylib"; fx_natives='lib[^/]*\.dylib' ;;
  *) echo "Unknown OS '$os': linux, windows or macos." >&2; exit 2 ;;
esac
case "$(uname -m)" in
  x86_64|amd64) sqlite_arch="x86_64" ;;
  arm64|aarch64) sqlite_arch="aarch64" ;;
  *) sqlite_arch="$(uname -m)" ;;
esac

rm -rf "$out/input" "$out/runtime" "$out/image" "$out/installer" "$out/training"
mkdir -p "$out/input" "$out/installer"

# --- 1. The runtime.
compress="--compress=2"
[ "$feature" -ge 21 ] && compress="--compress=zip-6"
"$jdk/bin/jlink" @"$here/src/jlink/runtime.args" "$compress" --generate-cds-archive --output "$out/runtime"
# The launcher runs with compressed references (-Xmx1g): the archive for the other mode is never read.
rm -f "$out/runtime/lib/server/classes_nocoops.jsa" "$out/runtime/bin/server/classes_nocoops.jsa"

# --- 2. The app image, natives beside the jar.
cp "$jar" "$out/input/"
(
  cd "$out/input"
  sqlite_entry="org/sqlite/native/$sqlite_os/$sqlite_arch/$sqlite_lib"
  natives=($("$jdk/bin/jar" tf comptoir.jar | tr -d '\r' | grep -E "^($sqlite_entry|$fx_natives)\$"))
  "$jdk/bin/jar" xf comptoir.jar "${natives[@]}"
  mv "$sqlite_entry" . && rm -rf org
)
icon_args=()
[ -f "$icon" ] && icon_args=(--icon "$icon")
image_os_args=()
[ -f "$here/src/jpackage/$os-app-image.args" ] && image_os_args=(@"$here/src/jpackage/$os-app-image.args")
# Windows: the app's launcher has no console, so the commands get one of their own (comptoir-cli.exe).
[ "$os" = windows ] && image_os_args+=(--add-launcher "comptoir-cli=$here/src/jpackage/windows/comptoir-cli.properties")
modern_args=()
# Java 24+ warns at every start about native access and sun.misc.Unsafe (SQLite and JavaFX use them).
[ "$feature" -ge 24 ] && modern_args=(--java-options --enable-native-access=ALL-UNNAMED --java-options --sun-misc-unsafe-memory-access=allow)
"$jdk/bin/jpackage" --type app-image @"$here/src/jpackage/common.args" @"$here/src/jpackage/app-image.args" "${image_os_args[@]}" \
  "${icon_args[@]}" "${modern_args[@]}" \
  --java-options '-Dorg.sqlite.lib.path=$APPDIR' --java-options "-Dorg.sqlite.lib.name=$sqlite_lib" \
  --app-version "$version" --input "$out/input" --runtime-image "$out/runtime" --dest "$out/image"
image="$out/image/$image_dir"
cfg="$image/$app_dir/comptoir.cfg"

# --- 3. The start cache: the classes of a start up to the sign-in screen, loaded and linked ahead of time.
display_run=()
if [ -n "${DISPLAY:-}" ] || [ "$os" != linux ]; then
  display_run=(env)
elif command -v xvfb-run >/dev/null 2>&1; then
  display_run=(xvfb-run -a -s "-screen 0 1280x800x24")
fi
# Starts the image on a demo terminal up to its sign-in screen, recording what it loads, then makes the cache
# (on Windows through comptoir-cli.exe, the launcher whose output can be read; same jar, same options).
train() {
  local training="$1" conf="$1/comptoir.aotconf" pid
  "$image/$launcher" activate --demo --home "$training/terminal" >"$training/setup.log" 2>&1 \
    && "$image/$launcher" sync --once --home "$training/terminal" >>"$training/setup.log" 2>&1 \
    || { cat "$training/setup.log" >&2; return 1; }
  JAVA_TOOL_OPTIONS="-XX:AOTMode=record -XX:AOTConfiguration=$conf -Dcomptoir.startupProbe=true" \
    "${display_run[@]}" "$image/$launcher" --home "$training/terminal" >"$training/record.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 360); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"; echo "The training start did not reach the sign-in screen in 3 minutes:" >&2; cat "$training/record.log" >&2; return 1
  fi
  wait "$pid" || true
  grep -q "sign-in screen laid out" "$training/record.log" || { echo "The training start failed:" >&2; cat "$training/record.log" >&2; return 1; }
  # The cache is made with the launcher's own options and class path ($APPDIR is the jar's folder).
  local options=() line
  while IFS= read -r line; do options+=("$line"); done < <(sed -n 's/^java-options=//p' "$cfg" | sed "s|\$APPDIR|$image/$app_dir|g")
  "$image/lib/runtime/bin/java" "${options[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$conf" \
    -XX:AOTCache="$image/$app_dir/comptoir.aot" -cp "$image/$app_dir/comptoir.jar" >"$training/create.log" 2>&1 \
    || { cat "$training/create.log" >&2; return 1; }
}
if [ "$feature" -lt 25 ]; then
  echo "Java $feature: no AOT cache (it needs 25 or newer); the package starts without it."
elif [ ${#display_run[@]} = 0 ]; then
  echo "No display and no xvfb-run: the package is built without its AOT cache (apt install xvfb)."
else
  training="$out/training"
  mkdir -p "$training"
  if train "$training"; then
    echo 'java-options=-XX:AOTCache=$APPDIR/comptoir.aot' >> "$cfg"
    echo "AOT cache: $(du -h "$image/$app_dir/comptoir.aot" | cut -f1)"
  else
    rm -f "$image/$app_dir/comptoir.aot"
    echo "WARNING: the training start failed (above): the package is built without its AOT cache and starts slower." >&2
  fi
fi

# --- 4. The package.
# Templates that replace jpackage's own for this OS (Linux: the menu entry, the data folder, install scripts that
# do not fail on a machine without a desktop menu).
package_args=()
[ -f "$icon" ] && package_args+=(--icon "$icon")
[ -d "$here/src/jpackage/$os" ] && package_args+=(--resource-dir "$here/src/jpackage/$os")
"$jdk/bin/jpackage" @"$here/src/jpackage/common.args" @"$here/src/jpackage/$os.args" "${package_args[@]}" \
  --app-version "$version" --app-image "$image" --dest "$out/installer"
du -sh "$out/runtime" "$image"
ls -l "$out/installer"
