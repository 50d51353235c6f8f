#!/usr/bin/env bash
# Installs the Linux package into this machine and tries it as head-office IT and a store would (issue 15):
# install with dpkg into a clean state, --version, status, a pre-configured activation against a demo
# platform started here, the window under Xvfb up to the sign-in screen, the shared data folder (a member of
# the group comptoir works, another account is refused), diagnostics without secrets, an upgrade that keeps
# the data, a database newer than the package refused untouched, a package downgrade, and an uninstall that
# leaves the data. It changes this machine (/opt/comptoir, /var/lib/comptoir, two test accounts): CI runs it;
# a developer runs it on a throwaway machine only, as root, with --yes.
#   bash installer/test/deb-install.sh --yes [path/to/comptoir_X_amd64.deb]
set -euo pipefail
[ "${1:-}" = "--yes" ] || [ "${CI:-}" = "true" ] || { echo "This installs Comptoir into this machine: run it with --yes (CI does)." >&2; exit 2; }
[ "${1:-}" = "--yes" ] && shift
[ "$(id -u)" = 0 ] || { echo "Run as root: it installs a package." >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
deb="${1:-}"
# What the build (its training start needs a display and GTK) and the checks need; nothing else is assumed.
missing=()
for p in xvfb xauth libgtk-3-0 libgl1 sqlite3 unzip acl fakeroot binutils; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ -z "$deb" ]; then
  (cd "$root" && ./mvnw -q -B -Pinstaller -DskipTests package)
  deb="$(ls "$root"/installer/target/installer/comptoir_*_amd64.deb | head -1)"
fi
work="$(mktemp -d)"
passed=0
failed=0
demo_pid=""
xvfb_pid=""
cleanup() {
  [ -n "$demo_pid" ] && kill "$demo_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
check() { # check "what" command...: one line a check, the command's output kept when it fails
  local what="$1"; shift
  if "$@" >"$work/out" 2>&1; then
    passed=$((passed + 1)); echo "ok   $what"
  else
    failed=$((failed + 1)); echo "FAIL $what"; sed 's/^/     | /' "$work/out" | tail -40
  fi
}
contains() { grep -q -- "$1" "$work/last" || { echo "expected '$1' in:"; cat "$work/last"; return 1; }; }
run() { "$@" >"$work/last" 2>&1; }
fails() { if "$@" >"$work/last" 2>&1; then echo "succeeded, but should have failed:"; cat "$work/last"; return 1; fi; }

echo "Package: $deb ($(du -h "$deb" | cut -f1))"
# What the package needs from Debian (dpkg -i installs no dependency).
deps="$(dpkg-deb -f "$deb" Depends | sed 's/([^)]*)//g; s/|[^,]*//g; s/,/ /g')"
missing=()
for p in $deps; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A clean state: no package, no data folder, no test accounts.
if dpkg -s comptoir >/dev/null 2>&1 && ! dpkg --purge comptoir >"$work/purge.log" 2>&1; then
  # An earlier build whose removal script fails would block every install after it: removed without its scripts.
  echo "An earlier comptoir package could not be removed (below); removed without its scripts."; cat "$work/purge.log"
  rm -f /var/lib/dpkg/info/comptoir.prerm /var/lib/dpkg/info/comptoir.postrm
  dpkg --purge comptoir >/dev/null
fi
rm -rf /var/lib/comptoir
for u in comptoir-member comptoir-other; do id "$u" >/dev/null 2>&1 && userdel -r "$u" >/dev/null 2>&1; done
cc=/opt/comptoir/bin/comptoir
menu_entry() { ls /usr/share/applications/comptoir-comptoir.desktop /usr/local/share/applications/comptoir-comptoir.desktop 2>/dev/null | grep -q .; }
data=/var/lib/comptoir
version="$(dpkg-deb -f "$deb" Version)"

check "dpkg -i installs the package" dpkg -i "$deb"
check "the launcher and the menu entry are installed" bash -c "$(declare -f menu_entry); test -x $cc && menu_entry"
check "the SQLite and JavaFX natives lie beside the jar" test -f /opt/comptoir/lib/app/libsqlitejdbc.so -a -f /opt/comptoir/lib/app/libglassgtk3.so
if [ "$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' /opt/comptoir/lib/runtime/release)" -ge 25 ]; then
  check "the AOT cache is there and named in the launcher's options" bash -c "test -s /opt/comptoir/lib/app/comptoir.aot && grep -q AOTCache /opt/comptoir/lib/app/comptoir.cfg"
fi
check "the data folder is root:comptoir, mode 2770" bash -c "[ \"\$(stat -c '%U:%G %a' $data)\" = 'root:comptoir 2770' ]"
check "the data folder's default access list keeps what members make the group's" bash -c "getfacl -p $data | grep -qx 'default:group:comptoir:rwx'"
check "comptoir --version names the package's version, without a warning" bash -c "$cc --version 2>&1 | tee /dev/stderr | grep -q '${version%%-*}' && ! $cc --version 2>&1 | grep -qi 'warning'"
check "comptoir status on a new terminal" bash -c "$cc status | tee /dev/stderr | grep -qi 'not activated'"

# Two accounts: one in the till's group, one not.
useradd -m -G comptoir comptoir-member
useradd -m comptoir-other

# A demo central platform on loopback, and the terminal pre-configured with one file that IT drops as root;
# the till's account starts it first.
port=$(( 20000 + RANDOM % 20000 ))
$cc demo-server --port "$port" --size tiny --data "$work/platform" >"$work/platform.log" 2>&1 &
demo_pid=$!
for _ in $(seq 1 240); do grep -q "listening on" "$work/platform.log" && break; sleep 0.5; done
check "the demo platform is up" grep -q "listening on" "$work/platform.log"
code="$(sed -n 's/^Activation code of the demo store: //p' "$work/platform.log")"
printf 'platform.url=http://127.0.0.1:%s\nactivation.code=%s\nlanguage=fr\n' "$port" "$code" > $data/provisioning.properties
check "comptoir activate, by a till account, uses the provisioning file IT dropped" bash -c "runuser -u comptoir-member -- $cc activate | tee /dev/stderr | grep -q '^Activated'"
check "comptoir sync --once fills the cache" $cc sync --once
check "comptoir status after activation" bash -c "$cc status | tee /dev/stderr | grep -qi 'customers'"

# The window, under Xvfb, up to the sign-in screen (the start probe prints it and closes the app).
screen=77
while [ -e "/tmp/.X$screen-lock" ] || [ -e "/tmp/.X11-unix/X$screen" ]; do screen=$((screen + 1)); done
Xvfb ":$screen" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 40); do [ -e "/tmp/.X11-unix/X$screen" ] && break; sleep 0.25; done
check "the window opens on the sign-in screen" bash -c "DISPLAY=:$screen JAVA_TOOL_OPTIONS=-Dcomptoir.startupProbe=true timeout 120 $cc 2>&1 | tee /dev/stderr | grep -q 'sign-in screen laid out'"
# The start benchmark, from the installed package (figures printed; the 1.5 s target is read, not asserted).
check "comptoir bench start runs from the installed package" bash -c "DISPLAY=:$screen $cc bench start --runs 3 --data $work/bench-start | tee $work/bench-start.txt | grep -q 'sign-in'"
sed 's/^/     /' "$work/bench-start.txt" 2>/dev/null || true

# The shared data folder: a member of the group works, another local account is refused and changes nothing.
check "every file in the data folder is open to the group" bash -c "[ -z \"\$(find $data -user root ! -perm -g+rw)\" ] || { find $data ! -perm -g+rw; false; }"
check "a member of the group comptoir works at the till" runuser -u comptoir-member -- $cc sync --once
check "what the member wrote stays open to the group" bash -c "[ -z \"\$(find $data -user comptoir-member ! -perm -g+rw)\" ] || { find $data ! -perm -g+rw; false; }"
check "root works after the member" $cc status
ls -l $data > "$work/before"
check "another local account is refused, with what IT should do" bash -c "! runuser -u comptoir-other -- $cc status > $work/other 2>&1; cat $work/other; grep -q \"group 'comptoir'\" $work/other"
check "another local account cannot read the data" bash -c "! runuser -u comptoir-other -- cat $data/journal.db >/dev/null 2>&1"
check "the refusal changed nothing" bash -c "ls -l $data | diff $work/before -"

# Diagnostics: one archive, without the terminal's token or customers' contact details.
check "comptoir diagnostics writes an archive" bash -c "cd $work && $cc diagnostics --output $work/diag.zip"
token="$(sqlite3 $data/journal.db "select value from settings where key='device.token'" 2>/dev/null || true)"
email="$(sqlite3 $data/cache.db "select email from customers where email is not null limit 1" 2>/dev/null || true)"
check "the archive holds neither the token nor a customer's e-mail" bash -c "
  mkdir -p $work/diag && cd $work/diag && unzip -q $work/diag.zip &&
  [ -n '$token' ] && [ -n '$email' ] && ! grep -rqF -- '$token' . && ! grep -rqF -- '$email' ."

# Upgrade: a newer package over this one keeps the data, and the app still opens it.
sales_before="$(sqlite3 $data/journal.db 'select count(*) from journal' 2>/dev/null || echo x)"
device_before="$(sqlite3 $data/journal.db "select value from settings where key='device.id'")"
mkdir -p "$work/newer"
dpkg-deb -R "$deb" "$work/newer/pkg"
newer_version="${version%%-*}.1-1"
sed -i "s/^Version: .*/Version: $newer_version/" "$work/newer/pkg/DEBIAN/control"
dpkg-deb -Zgzip -b "$work/newer/pkg" "$work/newer/comptoir_newer.deb" >/dev/null
check "dpkg -i of a newer package upgrades" dpkg -i "$work/newer/comptoir_newer.deb"
check "the upgraded package reports its version" bash -c "dpkg -s comptoir | grep -q '^Version: $newer_version'"
check "the upgraded package keeps its menu entry" bash -c "$(declare -f menu_entry); menu_entry"
check "the upgrade kept the terminal and its journal" bash -c "[ \"\$(sqlite3 $data/journal.db \"select value from settings where key='device.id'\")\" = '$device_before' ] && [ \"\$(sqlite3 $data/journal.db 'select count(*) from journal')\" = '$sales_before' ]"
check "the upgraded app opens the data" bash -c "$cc status | grep -qi customers"

# A database written by a newer Comptoir (as after a downgrade): refused with a plain message, not touched.
sqlite3 $data/journal.db "PRAGMA user_version = $(( $(sqlite3 $data/journal.db 'PRAGMA user_version') + 1 ))"
sum_before="$(sha256sum $data/journal.db)"
check "a newer database is refused with a clear message" bash -c "! $cc status > $work/newer.out 2>&1; cat $work/newer.out; grep -q 'newer' $work/newer.out"
check "the newer database was left untouched" bash -c "[ \"\$(sha256sum $data/journal.db)\" = '$sum_before' ]"
sqlite3 $data/journal.db "PRAGMA user_version = $(( $(sqlite3 $data/journal.db 'PRAGMA user_version') - 1 ))"

# Package downgrade (dpkg allows it): the data stays, the app still opens it.
check "dpkg -i of the older package downgrades" dpkg -i "$deb"
check "the downgraded app opens the data" bash -c "$cc status | grep -qi customers"

# Uninstall, even purge: the till's data (its fiscal journal among them) stays where it was.
check "dpkg -r removes the package" dpkg -r comptoir
check "the launcher and the menu entry are gone" bash -c "$(declare -f menu_entry); test ! -e $cc && ! menu_entry"
check "the data folder is still there" test -s $data/journal.db
check "dpkg --purge leaves the data too" bash -c "dpkg --purge comptoir && test -s $data/journal.db"

userdel -r comptoir-member >/dev/null 2>&1 || true
userdel -r comptoir-other >/dev/null 2>&1 || true
echo "Installer: $passed passed, $failed failed"
[ "$failed" = 0 ]
