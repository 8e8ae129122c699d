#!/usr/bin/env bash
# The packaging test (ctest label "packaging", issue 10). In a throwaway Debian 12 root made with
# mmdebstrap from this machine's own apt sources, with the signed repository served on loopback:
#
#   build    packaging/build-debs.sh from this build tree; lintian 0 errors, 0 warnings
#   repo     packaging/repo.sh: signed InRelease/Release.gpg with Valid-Until, deb822 .sources with
#            Signed-By; apt-get update → install medkiosk medkiosk-face-models
#   install  medkiosk-ctl diagnostics: encrypted store, key from the systemd credential; face models
#            loaded; user, /var/lib/medkiosk 0700; systemd-analyze verify; security exposure; no
#            test hook (MEDKIOSK_*TEST*) in the installed programs
#   cage     the kiosk session as the service runs it: cage (wlroots' headless backend, pixman
#            renderer) with medkiosk as its client over qt6-wayland, as the user medkiosk; once
#            the kiosk says its first screen is shown at the output's full size, grim's screenshot
#            (kept as cage-home.png) must show the kiosk covering the whole output
#   rekey    medkiosk-ctl store rekey: a new key credential, the store re-encrypted with every
#            record kept, the old key no longer opens it, the kiosk starts with the new credential;
#            killed at its mv of the new credential: the kiosk refuses (twice), naming the command,
#            the store untouched; that command finishes the rotation
#   upgrade  a newer version built here goes to pilot first (stable kiosks do not see it), then is
#            promoted: the admin's conffile change is kept; its kiosk migrates the store one schema
#            version up (one more real migration, linked in: tests/packaging/UpgradeTestMigration)
#            and every record is still there
#   rollback pinning the previous version: it meets the store with the newer schema, refuses with
#            a clear message, and the store is byte for byte the same
#   purge    what docs/install.md says is removed is removed; the store, its key and the user stay
#   tamper   a .deb changed by one byte; Release signed by another key; an unsigned repository;
#            an old signed Release past its Valid-Until served again: each refused by apt, with
#            its reason, and nothing installed
#
# Opt-in (it takes minutes): MEDKIOSK_PACKAGING_TEST=1; then missing root or tools are failures.
# MEDKIOSK_PACKAGING_WORK: the work folder (default <build>/Testing/packaging).
# MEDKIOSK_PACKAGING_KEEP=1 keeps the work folder (root, repository, logs) for a look afterwards.
set -euo pipefail
SRC="${MEDKIOSK_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
BUILD_DIR="${MEDKIOSK_BUILD_DIR:-$SRC/build/release}"
W="${MEDKIOSK_PACKAGING_WORK:-$BUILD_DIR/Testing/packaging}"
R="$W/root"
T0=$(date +%s)

note() { printf '[%4ds] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { note "PASS: $*"; }

if [ "${MEDKIOSK_PACKAGING_TEST:-0}" != 1 ]; then
  echo "SKIP: the packaging test builds packages and a Debian root (minutes, root, network to the"
  echo "      Debian mirror): run it with MEDKIOSK_PACKAGING_TEST=1 scripts/test.sh -L packaging"
  exit 77
fi
[ "$(id -u)" -eq 0 ] || fail "needs root (mmdebstrap, chroot)"
for tool in mmdebstrap reprepro gpg lintian dpkg-buildpackage python3 sqlcipher unshare flock; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run scripts/install-deps.sh"
done

# Everything below runs in a private mount namespace: the mounts in the root end with the test.
if [ -z "${MEDKIOSK_PACKAGING_NS:-}" ]; then
  exec unshare --mount --propagation private env MEDKIOSK_PACKAGING_NS=1 bash "$0" "$@"
fi

HTTP_PID=""; STRAP_PID=""
cleanup() {
  local rc=$?
  [ -z "$HTTP_PID" ] || kill "$HTTP_PID" 2>/dev/null || true
  [ -z "$STRAP_PID" ] || kill "$STRAP_PID" 2>/dev/null || true
  # The test's gpg-agent: one left running would, when the next run replaces its socket, remove
  # the new agent's socket as it exits.
  GNUPGHOME="$W/gnupg" gpgconf --kill gpg-agent 2>/dev/null || true
  for m in "$R/dev/shm" "$R/dev" "$R/proc"; do mountpoint -q "$m" 2>/dev/null && umount -l "$m"; done
  if [ "$rc" -ne 0 ]; then echo "work folder: $W (logs: $W/*.log)" >&2; fi
  if [ "$rc" -eq 0 ] && [ "${MEDKIOSK_PACKAGING_KEEP:-0}" != 1 ] \
     && ! findmnt -rn -o TARGET | grep -q "^$R/"; then
    rm -rf --one-file-system "$R"
  fi
  exit "$rc"
}
trap cleanup EXIT

if [ -d "$R" ]; then
  for m in "$R/dev/shm" "$R/dev" "$R/proc"; do mountpoint -q "$m" 2>/dev/null && umount -l "$m"; done
  findmnt -rn -o TARGET | grep -q "^$R/" && fail "something is still mounted under $R"
fi
[ ! -d "$W/gnupg" ] || GNUPGHOME="$W/gnupg" gpgconf --kill gpg-agent 2>/dev/null || true
rm -rf --one-file-system "$W"
mkdir -p "$W/www"

# --- 1. The Debian root, in the background while the packages are built --------------------
# The machine's own Debian sources (deb822 .sources or one-line .list files naming a Debian
# mirror); apt in the root installs no recommends (pcscd, speech-dispatcher: not needed here).
mirrors=()
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
  [ -s "$f" ] || continue
  grep -qE '^[^#]*(deb |URIs:).*/debian' "$f" && mirrors+=("$f")
done
[ ${#mirrors[@]} -gt 0 ] || mirrors=(http://deb.debian.org/debian)
note "mmdebstrap: Debian 12 root from ${mirrors[*]}"
mmdebstrap --variant=apt --aptopt='APT::Install-Recommends "false"' \
  bookworm "$R" "${mirrors[@]}" >"$W/mmdebstrap.log" 2>&1 &
STRAP_PID=$!

# --- 2. Keys: the hospital's (a certify-only primary, a signing subkey) and a stranger's ------
export GNUPGHOME="$W/gnupg"
mkdir -m 0700 "$GNUPGHOME"
gpg --batch -q --passphrase '' --quick-gen-key "medkiosk test repository <it@hospital.example.org>" ed25519 cert 1y
HOSPITAL="$(gpg --batch --with-colons --list-keys it@hospital.example.org | awk -F: '/^fpr/{print $10; exit}')"
gpg --batch -q --passphrase '' --quick-add-key "$HOSPITAL" ed25519 sign 1y
SIGNING="$(gpg --batch --with-colons --list-keys "$HOSPITAL" | awk -F: '/^fpr/{n++} /^fpr/ && n==2 {print $10}')"
gpg --batch -q --passphrase '' --quick-gen-key "someone else <mallory@example.org>" ed25519 sign 1y
STRANGER="$(gpg --batch --with-colons --list-keys mallory@example.org | awk -F: '/^fpr/{print $10; exit}')"
[ -n "$HOSPITAL" ] && [ -n "$SIGNING" ] && [ -n "$STRANGER" ] || fail "cannot make the test keys"

# --- 3. Version 1: build-debs.sh (lintian 0 errors, 0 warnings) ----------------------------
V1="$(sed -n 's/^project(medkiosk VERSION \([0-9][0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")"
V2="$V1+upgradetest1"
note "build-debs.sh: version $V1, from $BUILD_DIR"
BUILD_DIR="$BUILD_DIR" MEDKIOSK_DEB_DIR="$W/debs-1" MEDKIOSK_DEB_NO_BUILD=1 \
  bash "$SRC/packaging/build-debs.sh" >"$W/build-debs-1.log" 2>&1 || { cat "$W/build-debs-1.log" >&2; fail "build-debs.sh"; }
grep -E 'KiB|lintian' "$W/build-debs-1.log"
for p in medkiosk medkiosk-face-models medkiosk-sims; do
  ls "$W/debs-1/${p}_${V1}_"*.deb >/dev/null || fail "no $p .deb"
done
grep -q 'lintian: 0 errors, 0 warnings' "$W/build-debs-1.log" || fail "lintian"
dpkg-deb -f "$W/debs-1/medkiosk_${V1}_amd64.deb" Depends | grep -q medkiosk-sims && fail "medkiosk depends on medkiosk-sims"
# The shared libraries dpkg-shlibdeps found: SQLCipher, JOSE (libjwt, cjose: the kiosk's identity),
# libsystemd (sd_notify).
deps="$(dpkg-deb -f "$W/debs-1/medkiosk_${V1}_amd64.deb" Depends)"
for lib in libsqlcipher0 libjwt0 libcjose0 libsystemd0; do
  printf '%s\n' "$deps" | tr ',' '\n' | grep -q "^ *$lib\( \|$\)" || fail "medkiosk does not depend on $lib: $deps"
done
dpkg-deb -f "$W/debs-1/medkiosk-sims_${V1}_amd64.deb" Depends | tr ',' '\n' | grep -q '^ *libcjose0\( \|$\)' \
  || fail "medkiosk-sims does not depend on libcjose0"
pass "3 packages, version $V1 from CMake, lintian 0 errors 0 warnings, medkiosk does not depend on the simulators and depends on libsqlcipher0, libjwt0, libcjose0, libsystemd0 (dpkg-shlibdeps)"

# --- 4. The repository, served on loopback --------------------------------------------------
REPO="$W/repo"
MEDKIOSK_REPO_KEY="$SIGNING" bash "$SRC/packaging/repo.sh" publish "$REPO" stable "$W"/debs-1/*.deb >"$W/repo.log" 2>&1 \
  || { cat "$W/repo.log" >&2; fail "repo.sh publish"; }
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
MEDKIOSK_REPO_KEY="$HOSPITAL" bash "$SRC/packaging/repo.sh" client "$REPO" "http://127.0.0.1:$PORT/medkiosk" stable >>"$W/repo.log"
ln -sfn "$REPO/public" "$W/www/medkiosk"
python3 -m http.server --bind 127.0.0.1 --directory "$W/www" "$PORT" >"$W/http.log" 2>&1 &
HTTP_PID=$!
for _ in $(seq 50); do
  python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' \
    "http://127.0.0.1:$PORT/medkiosk/dists/stable/InRelease" 2>/dev/null && break
  sleep 0.2
done
grep -q '^Valid-Until: ' "$REPO/public/dists/stable/InRelease" || fail "no Valid-Until in InRelease"
gpgv --keyring "$REPO/public/medkiosk.gpg" "$REPO/public/dists/stable/Release.gpg" "$REPO/public/dists/stable/Release" 2>/dev/null \
  || fail "Release.gpg does not verify with the published key"
grep -q '^Signed-By: /etc/apt/keyrings/medkiosk.gpg' "$REPO/public/medkiosk-stable.sources" || fail "no Signed-By"
pass "signed repository: InRelease + Release.gpg by the signing subkey, Valid-Until $(sed -n 's/^Valid-Until: //p' "$REPO/public/dists/stable/Release")"

# --- 5. Install on the kiosk root -------------------------------------------------------------
note "waiting for mmdebstrap"
wait "$STRAP_PID" || { tail -n 30 "$W/mmdebstrap.log" >&2; STRAP_PID=""; fail "mmdebstrap"; }
STRAP_PID=""
note "root ready ($(du -sm "$R" | cut -f1) MB)"
mount -t proc proc "$R/proc"
mount --bind /dev "$R/dev"
cp /etc/resolv.conf "$R/etc/resolv.conf"
# A kiosk has a machine-id (systemd-creds derives the host key's use from it); mmdebstrap leaves none.
od -An -tx1 -N16 /dev/urandom | tr -d ' \n' > "$R/etc/machine-id"; echo >> "$R/etc/machine-id"
in_root() { chroot "$R" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
OUR_LISTS=(-o Dir::Etc::SourceList=/etc/apt/sources.list.d/medkiosk.sources -o Dir::Etc::SourceParts=- -o APT::Get::List-Cleanup=0)
# Our repository's lists, forgotten before an update that must see a change: python's http.server
# answers If-Modified-Since by whole seconds, so an index re-signed within the second of the last
# fetch would be "Hit" (not modified) without it.
forget_lists() { rm -f "$R"/var/lib/apt/lists/127.0.0.1[:_]*; }

# As docs/install.md, "Add a kiosk".
install -d -m 0755 "$R/etc/apt/keyrings"
install -m 0644 "$REPO/public/medkiosk.gpg" "$R/etc/apt/keyrings/medkiosk.gpg"
install -m 0644 "$REPO/public/medkiosk-stable.sources" "$R/etc/apt/sources.list.d/medkiosk.sources"
in_root apt-get update -q >"$W/apt-update-1.log" 2>&1 || { cat "$W/apt-update-1.log" >&2; fail "apt-get update"; }
t_install=$(date +%s)
in_root apt-get install -y -q medkiosk medkiosk-face-models >"$W/apt-install-1.log" 2>&1 \
  || { tail -n 40 "$W/apt-install-1.log" >&2; fail "apt-get install medkiosk medkiosk-face-models"; }
t_installed=$(date +%s)
[ "$(in_root dpkg-query -W -f='${Version}' medkiosk)" = "$V1" ] || fail "medkiosk $V1 not installed"
in_root dpkg-query -W medkiosk-sims >/dev/null 2>&1 && fail "medkiosk-sims was installed with medkiosk"
pass "apt-get install medkiosk medkiosk-face-models ($(( t_installed - t_install )) s, $(grep -c '^Get:' "$W/apt-install-1.log") downloads) with Signed-By; no simulators"
# No test hook in what is shipped (cmake/MedkioskTestHooks.cmake): no MEDKIOSK_*TEST* name in
# any installed program, as 8-bit or as UTF-16 (QStringLiteral) text.
hooks=""
for b in /usr/bin/medkiosk /usr/bin/medkioskctl; do
  found="$( (strings -a "$R$b"; strings -a -e l "$R$b") | grep -oE 'MEDKIOSK_[A-Z0-9_]*TEST[A-Z0-9_]*' | sort -u | paste -sd' ' || true)"
  [ -z "$found" ] || hooks="$hooks $b: $found"
done
[ -z "$hooks" ] || fail "test hooks in the installed programs:$hooks"
# ... and the same programs do name them in the test twins the suites run (so the check can fail).
if [ -x "$BUILD_DIR/tests/store/medkioskctl-testhooks" ]; then
  [ "$(strings -a "$BUILD_DIR/tests/store/medkioskctl-testhooks" | grep -c MEDKIOSK_REKEY_TEST_KILL_AT)" -gt 0 ] \
    || fail "the check for test hooks finds none even in medkioskctl-testhooks"
fi
pass "no test hook (MEDKIOSK_*TEST*) in the installed medkiosk and medkioskctl"

# The kiosk's first start makes the store: medkiosk as the user medkiosk, with the credential
# decrypted as systemd would (LoadCredentialEncrypted=), the service's environment, offscreen
# (no seat in a container), stopped with SIGTERM after a few seconds. Then IT sets the staff PIN
# (a record in the store) and runs the diagnostics.
kiosk_start() {  # $1 log file: medkiosk as the service starts it, offscreen, for 5 s
  mkdir -m 0700 "$R/run/medkiosk-test-cred"
  in_root systemd-creds decrypt --name=medkiosk-store-key /etc/credstore.encrypted/medkiosk-store-key \
    /run/medkiosk-test-cred/medkiosk-store-key
  in_root chown -R medkiosk:medkiosk /run/medkiosk-test-cred
  in_root HOME=/var/lib/medkiosk QT_QPA_PLATFORM=offscreen CREDENTIALS_DIRECTORY=/run/medkiosk-test-cred \
    MEDKIOSK_CONFIG=/etc/medkiosk/kiosk.ini MEDKIOSK_MODELS_DIR=/usr/share/medkiosk/models \
    runuser -u medkiosk -- timeout -s TERM -k 5 5 medkiosk >"$1" 2>&1 || true
  rm -rf "$R/run/medkiosk-test-cred"
}
kiosk_start "$W/first-start.log"
grep -q 'store key loaded from the systemd credential' "$W/first-start.log" \
  && grep -q 'store open, SQLCipher' "$W/first-start.log" || { cat "$W/first-start.log" >&2; fail "the kiosk's first start"; }
printf '482916\n482916\n' | in_root medkiosk-ctl staff set-pin >"$W/set-pin.log" 2>&1 \
  || { cat "$W/set-pin.log" >&2; fail "medkiosk-ctl staff set-pin"; }
in_root medkiosk-ctl diagnostics --json >"$W/diagnostics-1.json" 2>"$W/diagnostics-1.err" \
  || { cat "$W/diagnostics-1.json" "$W/diagnostics-1.err" >&2; fail "medkiosk-ctl diagnostics"; }
t_diag=$(date +%s)
python3 - "$W/diagnostics-1.json" <<'PY' || fail "diagnostics does not report an encrypted store opened with the credential"
import json, sys
d = json.load(open(sys.argv[1]))
s = d["store"]
assert d["ok"] and s["ok"] and s["present"], d
assert s["path"] == "/var/lib/medkiosk/store.db", s
assert s["key_source"] == "systemd credential", s
assert s["cipher_version"], s
assert s["integrity"] == "ok", s
assert d["config"]["values"]["credential_present"] is True, d["config"]
PY
header="$(head -c 16 "$R/var/lib/medkiosk/store.db" | tr -d '\0')"
[ "$header" != "SQLite format 3" ] || fail "the store is a plain SQLite file"
[ ! -e "$R/var/lib/medkiosk/store.key" ] || fail "a key file lies beside the store"
owner="$(in_root stat -c '%a %U' /var/lib/medkiosk /var/lib/medkiosk/store.db | paste -sd' ')"
[ "$owner" = "700 medkiosk 600 medkiosk" ] || fail "/var/lib/medkiosk and the store are $owner"
[ "$(in_root getent passwd medkiosk | cut -d: -f7)" = /usr/sbin/nologin ] || fail "the medkiosk user"
[ "$(stat -c '%a' "$R/etc/credstore.encrypted/medkiosk-store-key")" = 600 ] || fail "credential mode"
pass "diagnostics OK: encrypted store (SQLCipher $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["store"]["cipher_version"])' "$W/diagnostics-1.json")), key from the systemd credential, no key file, /var/lib/medkiosk 0700 medkiosk; $(( t_diag - t_install )) s from apt-get install to diagnostics passing"

face="$(find "${MEDKIOSK_MODELS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/medkiosk/models}/photos/johns" -name '*.jpg' 2>/dev/null | sort | head -n1)"
[ -n "$face" ] || fail "no example photo (scripts/fetch-face-models.sh)"
install -m 0644 "$face" "$R/tmp/face.jpg"
in_root medkiosk-ctl face embed /tmp/face.jpg >"$W/face.log" 2>&1 || { cat "$W/face.log" >&2; fail "face embed"; }
grep -q 'face models loaded from "/usr/share/medkiosk/models"' "$W/face.log" || fail "models not loaded from the package"
grep -q '^faces: 1, quality: ok' "$W/face.log" || fail "no face found with the packaged models"
pass "face models from medkiosk-face-models loaded (checksums checked by the kiosk), one face found"

# --- 6. The units ---------------------------------------------------------------------------
in_root systemd-analyze verify medkiosk.service medkiosk-store-key.service >"$W/verify.log" 2>&1 \
  || { cat "$W/verify.log" >&2; fail "systemd-analyze verify"; }
[ ! -s "$W/verify.log" ] || { cat "$W/verify.log" >&2; fail "systemd-analyze verify printed warnings"; }
in_root systemd-analyze security --offline=yes --no-pager medkiosk.service >"$W/security.txt" 2>&1 || true
exposure="$(sed -n 's/.*Overall exposure level for medkiosk.service: \([0-9.]*\).*/\1/p' "$W/security.txt")"
[ -n "$exposure" ] || { cat "$W/security.txt" >&2; fail "no exposure level"; }
python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) <= 2.0 else 1)" "$exposure" \
  || { cat "$W/security.txt" >&2; fail "exposure $exposure is above 2.0 (it was 1.7)"; }
pass "systemd-analyze verify: clean; security --offline=yes: exposure $exposure ($(grep -o 'OK\|MEDIUM\|EXPOSED\|UNSAFE\|SAFE' "$W/security.txt" | tail -n1))"

# --- 6a. The kiosk session under cage, and a screenshot of its first screen -----------------
# As ExecStart= runs it, with wlroots' headless backend and its software (pixman) renderer: a
# container has no DRM device or seat. wlroots allocates the output's buffers in shared memory:
# the root's /dev is a bind of the host's, without its /dev/shm, so it gets a tmpfs of its own.
# The output is turned twice (-r -r, 180°): Debian 12's cage 0.1.4 hands a window that covers
# the whole output straight to the output ("direct scan-out"), which the headless backend accepts
# for the kiosk's shared-memory buffers, and grim's screencopy then reads cage's own render
# buffer, last drawn before the window was full-screen: every screenshot showed the kiosk's first,
# 911x480 frame at the top left of the 1280x720 output, however long after. A turned output is
# never scanned out, so cage composites every frame, as it does on kiosk hardware (a DRM output
# cannot scan out shared memory); grim turns the picture back.
# The screenshot waits for an event, not a time: medkiosk logs "first screen shown: WxH, the whole
# screen" (with READY=1) once its window has been exposed at the output's full size and that
# frame handed to the compositor (SystemdNotifier); the session script polls the log for it.
mount -t tmpfs -o mode=1777,size=64m tmpfs "$R/dev/shm"
in_root apt-get install -y -q grim >"$W/apt-grim.log" 2>&1 || { tail -n 20 "$W/apt-grim.log" >&2; fail "apt-get install grim"; }
cat > "$R/tmp/cage-session.sh" <<'SESSION'
#!/bin/sh
# Inside cage: the kiosk; once it has shown its first screen at full size, one screenshot; then
# SIGTERM. At most 60 s (the kiosk's own deadline for the full-size expose is 10 s).
medkiosk >/tmp/cage-kiosk.log 2>&1 &
kiosk=$!
for _ in $(seq 120); do
  grep -q 'first screen shown: ' /tmp/cage-kiosk.log 2>/dev/null && break
  kill -0 "$kiosk" 2>/dev/null || break
  sleep 0.5
done
grim /tmp/cage-home.png; echo "grim exit $?"
kill -TERM "$kiosk"; wait "$kiosk"; echo "medkiosk exit $?"
SESSION
chmod 0755 "$R/tmp/cage-session.sh"
rm -f "$R/tmp/cage-home.png" "$R/tmp/cage-kiosk.log"
mkdir -m 0700 "$R/run/medkiosk-test-cred" "$R/run/medkiosk-cage"
in_root systemd-creds decrypt --name=medkiosk-store-key /etc/credstore.encrypted/medkiosk-store-key \
  /run/medkiosk-test-cred/medkiosk-store-key
in_root chown -R medkiosk:medkiosk /run/medkiosk-test-cred /run/medkiosk-cage
t_cage=$(date +%s)
in_root HOME=/var/lib/medkiosk XDG_RUNTIME_DIR=/run/medkiosk-cage XDG_SESSION_TYPE=wayland QT_QPA_PLATFORM=wayland \
  CREDENTIALS_DIRECTORY=/run/medkiosk-test-cred MEDKIOSK_CONFIG=/etc/medkiosk/kiosk.ini \
  MEDKIOSK_MODELS_DIR=/usr/share/medkiosk/models WLR_BACKENDS=headless WLR_RENDERER=pixman \
  WLR_LIBINPUT_NO_DEVICES=1 NOTIFY_SOCKET=/run/medkiosk-cage/no-listener WATCHDOG_USEC=30000000 \
  runuser -u medkiosk -- timeout -k 5 120 cage -d -r -r -- /tmp/cage-session.sh >"$W/cage.log" 2>&1 || true
rm -rf "$R/run/medkiosk-test-cred" "$R/run/medkiosk-cage"
cp "$R/tmp/cage-kiosk.log" "$W/cage-kiosk.log" 2>/dev/null || true
grep -q 'grim exit 0' "$W/cage.log" && [ -s "$R/tmp/cage-home.png" ] \
  || { cat "$W/cage.log" "$W/cage-kiosk.log" >&2; fail "no screenshot of the kiosk under cage"; }
cp "$R/tmp/cage-home.png" "$W/cage-home.png"
shown="$(sed -n 's/.*first screen shown: \([0-9]*x[0-9]*\), the whole screen.*/\1/p' "$W/cage-kiosk.log" | head -n1)"
grep -q 'store open, SQLCipher' "$W/cage-kiosk.log" && [ -n "$shown" ] && grep -q 'systemd watchdog:' "$W/cage-kiosk.log" \
  || { cat "$W/cage-kiosk.log" >&2; fail "the kiosk under cage did not open its store and show its first screen at the output's size"; }
# The picture: the output's size, as big as the window the kiosk reports; the kiosk covers all of
# it (no pixel of cage's black background along any edge, hardly any inside); its first screen
# (the header's blue across the top rows, so the right way up).
coverage="$(python3 - "$W/cage-home.png" "$shown" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat, w = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]; pos += 12 + n
    if kind == b"IHDR": w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
    if kind == b"IDAT": idat += body
assert depth == 8 and ctype in (2, 6), (depth, ctype)
bpp = 3 if ctype == 2 else 4; raw = zlib.decompress(idat); stride = w * bpp
prev, rows, i = bytearray(stride), [], 0
for _ in range(h):
    f = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0; b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line); prev = line
px = lambda x, y: tuple(rows[y][x * bpp:x * bpp + 3])
background = (0, 0, 0)  # cage's clear colour, where no window is
assert f"{w}x{h}" == sys.argv[2], f"picture {w}x{h}, the kiosk's window {sys.argv[2]}"
edges = {"top": [(x, y) for y in range(4) for x in range(w)],
         "bottom": [(x, y) for y in range(h - 4, h) for x in range(w)],
         "left": [(x, y) for x in range(4) for y in range(h)],
         "right": [(x, y) for x in range(w - 4, w) for y in range(h)]}
for name, points in edges.items():
    bare = sum(1 for p in points if px(*p) == background)
    assert bare == 0, f"{bare} of {len(points)} pixels along the {name} edge are cage's background"
bare = sum(1 for y in range(h) for x in range(w) if px(x, y) == background)
assert bare / (w * h) < 0.01, f"{bare} pixels of cage's background inside the picture"
blue = sum(1 for x in range(0, w, 4) for y in range(0, 24) if px(x, y)[2] > 120 and px(x, y)[0] < 60)
assert blue / (len(range(0, w, 4)) * 24) > 0.5, "no header blue across the top rows"
print(f"{w}x{h}, kiosk window {sys.argv[2]}, {100 * (1 - bare / (w * h)):.2f} % of the output drawn by the kiosk, 0 background pixels on the edges")
PY
)" || { cat "$W/cage-kiosk.log" >&2; fail "the screenshot under cage does not show the kiosk covering the whole output ($W/cage-home.png)"; }
pass "cage session: medkiosk under cage (headless, pixman) as medkiosk over qt6-wayland opened the store and showed its first screen at the output's full size in $(( $(date +%s) - t_cage )) s; grim: $W/cage-home.png: $coverage"

# --- 7. Upgrade: pilot first, then stable -----------------------------------------------------
# SQLCipher 3.4 as the kiosk keys it: raw key, then the page size of Store::kCipherPageSizeBytes.
PAGE_SIZE="$(sed -n 's/.*kCipherPageSizeBytes = \([0-9]*\);.*/\1/p' "$SRC/kiosk_app/core/store/Store.h")"
[ -n "$PAGE_SIZE" ] || fail "no kCipherPageSizeBytes in kiosk_app/core/store/Store.h"
store_key() { in_root systemd-creds decrypt --name=medkiosk-store-key /etc/credstore.encrypted/medkiosk-store-key -; }
store_sql() {  # read-only by default: a copy of the store (WAL included) is queried
  local copy="$W/store-copy"; rm -rf "$copy"; mkdir -p "$copy"
  cp -a "$R"/var/lib/medkiosk/store.db* "$copy/"
  printf 'PRAGMA key = "x'"'"'%s'"'"'";\nPRAGMA cipher_page_size = %s;\n%s\n' "$(store_key)" "$PAGE_SIZE" "$1" | sqlcipher -batch "$copy/store.db" | grep -v '^ok$'
}
counts() {
  local tables q=""
  tables="$(store_sql "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name;")"
  for t in $tables; do q="$q SELECT '$t', count(*) FROM \"$t\";"; done
  store_sql "$q"
}
counts >"$W/counts-before.txt"
grep -q . "$W/counts-before.txt" || fail "cannot read the store with the credential's key"

# --- 6b. Rotate the store key, as docs/maintenance.md says (the kiosk is stopped) -------------
old_key="$(store_key)"
cred_before="$(sha256sum < "$R/etc/credstore.encrypted/medkiosk-store-key")"
t_rekey=$(date +%s%N)
in_root medkiosk-ctl store rekey >"$W/rekey.log" 2>&1 || { cat "$W/rekey.log" >&2; fail "medkiosk-ctl store rekey"; }
rekey_ms=$(( ($(date +%s%N) - t_rekey) / 1000000 ))
grep -q 'making the new key credential: od -An -tx1 -N32 /dev/urandom .* systemd-creds encrypt --name=medkiosk-store-key' "$W/rekey.log" \
  && grep -q 'old key no longer opens it' "$W/rekey.log" && grep -q 'now holds the new key' "$W/rekey.log" \
  || { cat "$W/rekey.log" >&2; fail "rekey did not say what it did"; }
[ "$(sha256sum < "$R/etc/credstore.encrypted/medkiosk-store-key")" != "$cred_before" ] || fail "the credential did not change"
[ ! -e "$R/etc/credstore.encrypted/medkiosk-store-key.new" ] || fail "rekey left the .new credential"
[ "$(stat -c '%a' "$R/etc/credstore.encrypted/medkiosk-store-key")" = 600 ] || fail "new credential mode"
[ "$(store_key)" != "$old_key" ] || fail "the credential holds the old key"
counts >"$W/counts-rekeyed.txt"
diff -u "$W/counts-before.txt" "$W/counts-rekeyed.txt" >&2 || fail "store records differ after the rekey"
printf 'PRAGMA key = "x'"'"'%s'"'"'";\nPRAGMA cipher_page_size = %s;\nSELECT count(*) FROM sqlite_master;\n' "$old_key" "$PAGE_SIZE" \
  | sqlcipher -batch "$R/var/lib/medkiosk/store.db" >/dev/null 2>&1 && fail "the old key still opens the store"
kiosk_start "$W/kiosk-rekeyed.log"
grep -q 'store open, SQLCipher' "$W/kiosk-rekeyed.log" || { cat "$W/kiosk-rekeyed.log" >&2; fail "the kiosk does not open the store with the new credential"; }
pass "store rekey with the credential: new credential (systemd-creds encrypt), $(wc -l < "$W/counts-rekeyed.txt") tables' records kept, old key refused, the kiosk starts with the new one ($rekey_ms ms)"
# The same rotation killed between the re-encryption and medkiosk-ctl's mv of the new credential
# over the old (an `mv` first on PATH that kills medkiosk-ctl at that call): the kiosk, started
# with the old credential, refuses and names the command; the store is not moved, renamed or
# replaced; that command finishes the rotation with the new credential it left.
mkdir -p "$R/tmp/kill-at-mv"
cat > "$R/tmp/kill-at-mv/mv" <<'MV'
#!/bin/sh
case "$1" in */medkiosk-store-key.new) kill -KILL "$PPID"; exit 1 ;; esac
exec /bin/mv "$@"
MV
chmod 0755 "$R/tmp/kill-at-mv/mv"
cred_before="$(sha256sum < "$R/etc/credstore.encrypted/medkiosk-store-key")"
status=0
chroot "$R" env -i PATH=/tmp/kill-at-mv:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
  medkiosk-ctl store rekey >"$W/rekey-killed.log" 2>&1 || status=$?
[ "$status" -eq 137 ] || { cat "$W/rekey-killed.log" >&2; fail "medkiosk-ctl was not killed at its mv (exit $status)"; }
grep -q 'old key no longer opens it' "$W/rekey-killed.log" || { cat "$W/rekey-killed.log" >&2; fail "killed before the re-encryption"; }
[ -e "$R/etc/credstore.encrypted/medkiosk-store-key.new" ] && [ -e "$R/var/lib/medkiosk/store.db.rekey" ] \
  && [ "$(sha256sum < "$R/etc/credstore.encrypted/medkiosk-store-key")" = "$cred_before" ] \
  || fail "the killed rotation did not leave the old credential, the new one and the marker"
# SIGKILL runs no trap: the killed run's private folder (both keys decrypted) is still there...
ls -d "$R"/run/medkiosk-ctl.* >/dev/null 2>&1 || fail "the killed medkiosk-ctl left no folder (the check below would prove nothing)"
store_files() { (cd "$R/var/lib/medkiosk" && find . -maxdepth 1 -type f -printf '%f %s\n' | sort; sha256sum store.db); }
files_before="$(store_files)"
for attempt in 1 2; do  # the service's restart meets the same refusal
  kiosk_start "$W/kiosk-interrupted-$attempt.log"
  grep -q 'rotation was interrupted' "$W/kiosk-interrupted-$attempt.log" \
    && grep -q 'To finish the rotation run medkiosk-ctl store rekey (as root)' "$W/kiosk-interrupted-$attempt.log" \
    || { cat "$W/kiosk-interrupted-$attempt.log" >&2; fail "the kiosk did not refuse the interrupted rotation with the command to run"; }
  grep -q 'moved aside\|store open, SQLCipher' "$W/kiosk-interrupted-$attempt.log" && fail "the kiosk opened or moved the store"
  [ "$(store_files)" = "$files_before" ] || fail "the store's folder changed: $(store_files)"
done
status=0; in_root medkiosk-ctl diagnostics >"$W/diagnostics-interrupted.txt" 2>&1 || status=$?
[ "$status" -eq 1 ] && grep -q 'rotation was interrupted' "$W/diagnostics-interrupted.txt" \
  || { cat "$W/diagnostics-interrupted.txt" >&2; fail "diagnostics did not report the interrupted rotation"; }
# ... until the next medkiosk-ctl, which removes the folders of medkiosk-ctl runs that are gone.
! ls -d "$R"/run/medkiosk-ctl.* >/dev/null 2>&1 || fail "decrypted keys left in $(ls -d "$R"/run/medkiosk-ctl.*)"
in_root medkiosk-ctl store rekey >"$W/rekey-finish.log" 2>&1 || { cat "$W/rekey-finish.log" >&2; fail "medkiosk-ctl store rekey did not finish the rotation"; }
grep -q 'left by an interrupted rotation' "$W/rekey-finish.log" && grep -q 'nothing to re-encrypt' "$W/rekey-finish.log" \
  && grep -q 'now holds the new key' "$W/rekey-finish.log" || { cat "$W/rekey-finish.log" >&2; fail "the second run did not finish the interrupted rotation"; }
kiosk_start "$W/kiosk-finished.log"
grep -q 'store open, SQLCipher' "$W/kiosk-finished.log" || { cat "$W/kiosk-finished.log" >&2; fail "the kiosk does not start after the rotation was finished"; }
[ ! -e "$R/var/lib/medkiosk/store.db.rekey" ] || fail "the rotation marker is still there"
counts >"$W/counts-rekeyed.txt"
diff -u "$W/counts-before.txt" "$W/counts-rekeyed.txt" >&2 || fail "store records differ after the interrupted rotation"
pass "store rekey killed before the credential's mv: the kiosk refuses twice naming 'medkiosk-ctl store rekey', the store's folder unchanged; that command finishes it (nothing to re-encrypt), the kiosk starts, every record kept"
# The admin's change to the conffile.
sed -i 's/^id = .*/id = KIOSK-WARD-7/' "$R/etc/medkiosk/kiosk.ini"
cred_sum="$(sha256sum < "$R/etc/credstore.encrypted/medkiosk-store-key")"

cp "$SRC/kiosk_app/ctl/kiosk.ini.example" "$W/kiosk.ini.v2"
printf '\n; (test) a default added in %s\n' "$V2" >> "$W/kiosk.ini.v2"
note "build-debs.sh: version $V2 (medkiosk, medkiosk-sims; the conffile's default changed)"
BUILD_DIR="$BUILD_DIR" MEDKIOSK_DEB_DIR="$W/debs-2" MEDKIOSK_DEB_NO_BUILD=1 MEDKIOSK_DEB_BUILD=any \
  MEDKIOSK_NO_LINTIAN=1 MEDKIOSK_DEB_VERSION="$V2" MEDKIOSK_KIOSK_INI="$W/kiosk.ini.v2" \
  MEDKIOSK_DEB_CHANGES="Test upgrade." bash "$SRC/packaging/build-debs.sh" >"$W/build-debs-2.log" 2>&1 \
  || { cat "$W/build-debs-2.log" >&2; fail "build-debs.sh $V2"; }
# The newer programs carry one more store migration (two links; tests/packaging/CMakeLists.txt).
flock /tmp/medkiosk-build.lock cmake --build "$BUILD_DIR" --target medkiosk-upgradetest medkioskctl-upgradetest \
  >"$W/build-upgradetest.log" 2>&1 || { tail -n 30 "$W/build-upgradetest.log" >&2; fail "build the upgrade test's programs"; }
deb2="$(ls "$W"/debs-2/medkiosk_"${V2}"_*.deb)"
rm -rf "$W/deb2"; dpkg-deb -R "$deb2" "$W/deb2"
install -m 0755 "$BUILD_DIR/tests/packaging/medkiosk-upgradetest" "$W/deb2/usr/bin/medkiosk"
install -m 0755 "$BUILD_DIR/tests/packaging/medkioskctl-upgradetest" "$W/deb2/usr/bin/medkioskctl"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$W/deb2/usr/bin/medkiosk" "$W/deb2/usr/bin/medkioskctl"
for b in medkiosk medkioskctl; do
  sum="$(md5sum < "$W/deb2/usr/bin/$b" | cut -d' ' -f1)"
  sed -i "s|^[0-9a-f]*  usr/bin/$b\$|$sum  usr/bin/$b|" "$W/deb2/DEBIAN/md5sums"
done
dpkg-deb -Zxz -z3 --root-owner-group -b "$W/deb2" "$deb2" >/dev/null
MEDKIOSK_REPO_KEY="$SIGNING" bash "$SRC/packaging/repo.sh" publish "$REPO" pilot "$W"/debs-2/*.deb >>"$W/repo.log" 2>&1
forget_lists
in_root apt-get update -q "${OUR_LISTS[@]}" >"$W/apt-update-2.log" 2>&1 || { cat "$W/apt-update-2.log" >&2; fail "apt-get update"; }
cand="$(in_root apt-cache policy medkiosk | sed -n 's/^ *Candidate: //p')"
[ "$cand" = "$V1" ] || fail "a stable kiosk sees $cand while $V2 is only in pilot"
MEDKIOSK_REPO_KEY="$SIGNING" bash "$SRC/packaging/repo.sh" promote "$REPO" medkiosk medkiosk-sims >>"$W/repo.log" 2>&1 \
  || { cat "$W/repo.log" >&2; fail "repo.sh promote"; }
forget_lists
in_root apt-get update -q "${OUR_LISTS[@]}" >>"$W/apt-update-2.log" 2>&1 || { cat "$W/apt-update-2.log" >&2; fail "apt-get update"; }
# As docs/install.md, "Update": unattended, keeping the admin's configuration.
in_root apt-get install -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  medkiosk >"$W/apt-upgrade.log" 2>&1 || { tail -n 30 "$W/apt-upgrade.log" >&2; fail "upgrade"; }
[ "$(in_root dpkg-query -W -f='${Version}' medkiosk)" = "$V2" ] || fail "not upgraded to $V2"
grep -q '^id = KIOSK-WARD-7$' "$R/etc/medkiosk/kiosk.ini" || fail "the admin's conffile change was lost"
grep -q "a default added in $V2" "$R/etc/medkiosk/kiosk.ini.dpkg-dist" || fail "no kiosk.ini.dpkg-dist with the new default"
[ "$(sha256sum < "$R/etc/credstore.encrypted/medkiosk-store-key")" = "$cred_sum" ] || fail "the credential changed"
# The service restarts after the upgrade: the newer kiosk migrates the store at its start.
latest="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["store"]["latest_schema_version"])' "$W/diagnostics-1.json")"
newer=$(( latest + 1 ))
kiosk_start "$W/kiosk-upgraded.log"
grep -q "applied store migration $newer \"upgrade-test\"\|applied store migration $newer upgrade-test" "$W/kiosk-upgraded.log" \
  && grep -q "schema $newer" "$W/kiosk-upgraded.log" || { cat "$W/kiosk-upgraded.log" >&2; fail "the newer kiosk did not migrate the store to $newer"; }
counts >"$W/counts-after.txt"
grep -v '^schema_migrations|\|^upgrade_probe|' "$W/counts-after.txt" | diff -u <(grep -v '^schema_migrations|' "$W/counts-before.txt") - >&2 \
  || fail "store records differ after the upgrade's migration"
[ "$(sed -n 's/^schema_migrations|//p' "$W/counts-after.txt")" = "$(( $(sed -n 's/^schema_migrations|//p' "$W/counts-before.txt") + 1 ))" ] \
  || fail "schema_migrations did not get one row"
probe="$(store_sql "SELECT outbox_rows || ' ' || staff_pins FROM upgrade_probe; SELECT count(*) FROM staff_pin WHERE upgrade_probe = 'migrated';")"
[ "$probe" = "$(sed -n 's/^outbox|//p' "$W/counts-before.txt") $(sed -n 's/^staff_pin|//p' "$W/counts-before.txt")
$(sed -n 's/^staff_pin|//p' "$W/counts-before.txt")" ] || fail "the migration did not see the records (got: $probe)"
in_root medkiosk-ctl diagnostics --json >"$W/diagnostics-2.json" 2>"$W/diagnostics-2.err" \
  || { cat "$W/diagnostics-2.json" "$W/diagnostics-2.err" >&2; fail "diagnostics after the upgrade"; }
[ "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["store"]["schema_version"])' "$W/diagnostics-2.json")" = "$newer" ] \
  || fail "diagnostics does not report schema $newer"
pass "upgrade $V1 → $V2: stable kiosks did not see it while in pilot; conffile kept (new default in kiosk.ini.dpkg-dist); credential kept; the newer kiosk migrated the store $latest → $newer (a table from the records, a column on the staff PIN) and all records ($(wc -l < "$W/counts-before.txt") tables) are there; diagnostics OK"

# --- 8. Roll back by pinning, against the store the newer version migrated -----------------
# The older binary must refuse schema $newer and change nothing.
# The store file, and no write pending in a WAL beside it.
store_state() { sha256sum < "$R/var/lib/medkiosk/store.db"; [ ! -s "$R/var/lib/medkiosk/store.db-wal" ] || echo "WAL pending"; }
store_sum="$(store_state)"
cat > "$R/etc/apt/preferences.d/medkiosk.pref" <<PREF
Package: medkiosk medkiosk-face-models medkiosk-sims
Pin: version $V1
Pin-Priority: 1001
PREF
in_root apt-get install -y -q --allow-downgrades -o Dpkg::Options::=--force-confdef \
  -o Dpkg::Options::=--force-confold medkiosk >"$W/apt-rollback.log" 2>&1 \
  || { tail -n 30 "$W/apt-rollback.log" >&2; fail "rollback"; }
[ "$(in_root dpkg-query -W -f='${Version}' medkiosk)" = "$V1" ] || fail "not rolled back to $V1"
status=0; in_root medkiosk-ctl diagnostics >"$W/diagnostics-3.txt" 2>&1 || status=$?
[ "$status" -eq 1 ] || { cat "$W/diagnostics-3.txt" >&2; fail "diagnostics exit $status on a newer store (want 1)"; }
grep -q "schema version $newer is newer than this program's $latest" "$W/diagnostics-3.txt" \
  || { cat "$W/diagnostics-3.txt" >&2; fail "no clear message about the newer schema"; }
kiosk_start "$W/kiosk-rollback.log"
grep -q "has schema version $newer but this program knows only up to $latest: refusing to open it" "$W/kiosk-rollback.log" \
  || { cat "$W/kiosk-rollback.log" >&2; fail "the older kiosk did not refuse the newer store clearly"; }
status=0; printf '111111\n111111\n' | in_root medkiosk-ctl staff set-pin >"$W/set-pin-3.log" 2>&1 || status=$?
[ "$status" -ne 0 ] || fail "the older medkioskctl wrote to a newer store"
grep -q "has schema version $newer and this program $latest; .*Nothing was changed" "$W/set-pin-3.log" \
  || { cat "$W/set-pin-3.log" >&2; fail "no clear refusal from medkioskctl staff set-pin"; }
[ "$(store_state)" = "$store_sum" ] || fail "the store changed"
pass "rollback by pin to $V1: the kiosk refuses ('$(grep -o "has schema version $newer but[^)]*)" "$W/kiosk-rollback.log" | head -n1)'), diagnostics and set-pin too; store byte for byte the same"

# --- 9. Purge, as docs/install.md "Remove a kiosk" says --------------------------------------
rm -f "$R/etc/apt/preferences.d/medkiosk.pref"
in_root apt-get purge -y -q medkiosk medkiosk-face-models >"$W/apt-purge.log" 2>&1 || { cat "$W/apt-purge.log" >&2; fail "purge"; }
for gone in /usr/bin/medkiosk /usr/bin/medkioskctl /usr/sbin/medkiosk-ctl /etc/medkiosk /etc/pam.d/medkiosk \
            /lib/systemd/system/medkiosk.service /usr/share/medkiosk/models \
            /etc/systemd/system/graphical.target.wants/medkiosk.service; do
  [ ! -e "$R$gone" ] || fail "purge left $gone"
done
for kept in /var/lib/medkiosk/store.db /etc/credstore.encrypted/medkiosk-store-key; do
  [ -e "$R$kept" ] || fail "purge removed $kept"
done
in_root getent passwd medkiosk >/dev/null || fail "purge removed the user"
[ "$(store_state)" = "$store_sum" ] || fail "purge changed the store"
pass "purge: programs, configuration, unit, PAM file, models removed; store, its credential and the user kept"

# --- 10. Tampering ----------------------------------------------------------------------------
variant() {  # a copy of the good repository, served instead of it
  rm -rf "$W/bad"; cp -a "$REPO/public" "$W/bad"; ln -sfn "$W/bad" "$W/www/medkiosk"
}
sign_release() {  # $1 dists folder, $2 key
  rm -f "$1/InRelease" "$1/Release.gpg"
  gpg --batch -q --yes --local-user "$2!" --clearsign -o "$1/InRelease" "$1/Release"
  gpg --batch -q --yes --local-user "$2!" --detach-sign --armor -o "$1/Release.gpg" "$1/Release"
}
refused_install() {  # $1 label: apt must not install medkiosk-sims
  local status=0
  in_root apt-get install -y -q medkiosk-sims >"$W/tamper-$1-install.log" 2>&1 || status=$?
  [ "$status" -ne 0 ] || fail "$1: apt installed medkiosk-sims"
  in_root dpkg-query -W -f='${Status}' medkiosk-sims 2>/dev/null | grep -q 'install ok installed' && fail "$1: medkiosk-sims is installed"
  return 0
}
update_must_fail() {  # $1 label, $2 the reason apt must give
  local status=0
  # --error-on=any: a repository apt ignores (a GPG error is only a warning) fails the update.
  in_root apt-get update -q --error-on=any "${OUR_LISTS[@]}" >"$W/tamper-$1-update.log" 2>&1 || status=$?
  [ "$status" -ne 0 ] || { cat "$W/tamper-$1-update.log" >&2; fail "$1: apt-get update succeeded"; }
  grep -q "$2" "$W/tamper-$1-update.log" || { cat "$W/tamper-$1-update.log" >&2; fail "$1: apt did not say '$2'"; }
}

# a) one byte of a .deb in the pool (Release and Packages untouched). No .deb in apt's cache.
in_root apt-get clean
variant
deb="$(find "$W/bad/pool" -name "medkiosk-sims_${V2}_*.deb")"
python3 - "$deb" <<'PY'
import os, sys
p = sys.argv[1]; n = os.path.getsize(p)
with open(p, "r+b") as f:
    f.seek(n // 2); b = f.read(1); f.seek(n // 2); f.write(bytes([b[0] ^ 0x01]))
PY
forget_lists
in_root apt-get update -q "${OUR_LISTS[@]}" >"$W/tamper-deb-update.log" 2>&1 || { cat "$W/tamper-deb-update.log" >&2; fail "update (deb case)"; }
refused_install deb
grep -q 'Hash Sum mismatch' "$W/tamper-deb-install.log" || { cat "$W/tamper-deb-install.log" >&2; fail "deb: no 'Hash Sum mismatch'"; }
pass "tamper: one byte of medkiosk-sims .deb changed → apt: Hash Sum mismatch, nothing installed"

# b) Release signed again by another key.
variant
for d in "$W"/bad/dists/*; do sign_release "$d" "$STRANGER"; done
forget_lists
update_must_fail otherkey "GPG error: .*NO_PUBKEY ${STRANGER: -16}"
refused_install otherkey
grep -q "Unable to locate package medkiosk-sims" "$W/tamper-otherkey-install.log" || fail "otherkey: the package was visible"
pass "tamper: Release signed by another key → apt: GPG error NO_PUBKEY ${STRANGER: -16}, repository not used, nothing installed"

# c) no signature at all.
variant
rm -f "$W"/bad/dists/*/InRelease "$W"/bad/dists/*/Release.gpg
forget_lists
update_must_fail unsigned "is not signed"
refused_install unsigned
pass "tamper: unsigned repository → apt: is not signed, nothing installed"

# d) an old signed Release, past its Valid-Until, served again (replay / freeze).
variant
for d in "$W"/bad/dists/*; do
  sed -i -e "s/^Date: .*/Date: $(date -u -R -d '30 days ago' | sed 's/+0000/UTC/')/" \
         -e "s/^Valid-Until: .*/Valid-Until: $(date -u -R -d '16 days ago' | sed 's/+0000/UTC/')/" "$d/Release"
  sign_release "$d" "$SIGNING"
done
forget_lists
update_must_fail expired "is expired (invalid since"
refused_install expired
pass "tamper: signed Release past its Valid-Until → apt: is expired, nothing installed"

ln -sfn "$REPO/public" "$W/www/medkiosk"
note "packaging test: all passed in $(( $(date +%s) - T0 )) s"
