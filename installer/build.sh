#!/usr/bin/env bash
# Builds Comptoir's native installer for this OS with its own Java runtime: jlink (src/jlink/runtime.args)
# then jpackage (src/jpackage/common.args + <os>.args). Run by `./mvnw -Pinstaller package` (after the app's
# fat jar is built, on the OS the installer is for: the fat jar carries that OS's JavaFX natives).
#   bash installer/build.sh <linux|windows|macos> <version>
set -euo pipefail
os="$1"
version="${2%%-*}"   # jpackage wants numbers only: 0.1.0-SNAPSHOT -> 0.1.0
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../app/target/comptoir.jar"
out="$here/target"
[ -f "$jar" ] || { echo "No $jar: build the app first (./mvnw -Pinstaller package builds both)." >&2; exit 2; }
rm -rf "$out/input" "$out/runtime" "$out/installer"
mkdir -p "$out/input" "$out/installer"
cp "$jar" "$out/input/"
jlink @"$here/src/jlink/runtime.args" --output "$out/runtime"
case "$os" in
  linux) icon="$here/src/icons/comptoir.png" ;;
  windows) icon="$here/src/icons/comptoir.ico" ;;
  macos) icon="$here/src/icons/comptoir.icns" ;;
  *) echo "Unknown OS '$os': linux, windows or macos." >&2; exit 2 ;;
esac
icon_args=()
[ -f "$icon" ] && icon_args=(--icon "$icon")
# Templates that replace jpackage's own for this OS (Linux: the menu entry, and install scripts that do not
# fail on a machine without a desktop menu).
[ -d "$here/src/jpackage/$os" ] && icon_args+=(--resource-dir "$here/src/jpackage/$os")
jpackage @"$here/src/jpackage/common.args" @"$here/src/jpackage/$os.args" "${icon_args[@]}" \
  --app-version "$version" --input "$out/input" --runtime-image "$out/runtime" --dest "$out/installer"
ls -l "$out/installer"
