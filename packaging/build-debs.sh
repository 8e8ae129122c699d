#!/usr/bin/env bash
# packaging/build-debs.sh: the Debian packages of medkiosk, from the project's built tree.
#
#   medkiosk              the kiosk, medkioskctl, medkiosk-ctl, the systemd service (cage session),
#                         the conffile /etc/medkiosk/kiosk.ini, sysusers.d and tmpfiles.d entries
#   medkiosk-face-models  dlib's CC0 face models (from scripts/fetch-face-models.sh's cache)
#   medkiosk-sims         medkiosk-poolsim and medkiosk-printersim (training kiosks, tests)
#
# Output: build/packaging/debs/ (*.deb, the .changes, lintian.txt). The packages reuse the CMake
# tree that scripts/setup.sh builds (build/release): on a clean clone this script configures it
# and builds only the four installed programs; in CI nothing is compiled again. debhelper (compat
# 13) does the rest from packaging/debian/. lintian must report no error and no warning (each
# accepted warning is overridden with its reason in packaging/debian/*.lintian-overrides).
#
#   BUILD_DIR              the CMake build tree (default build/release)
#   MEDKIOSK_DEB_DIR       output folder (default build/packaging/debs; emptied of old .debs)
#   MEDKIOSK_DEB_VERSION   package version (default: the CMake project version)
#   MEDKIOSK_DEB_CHANGES   the changelog entry (default "Built from <git commit>.")
#   MEDKIOSK_KIOSK_INI     the default /etc/medkiosk/kiosk.ini (default kiosk_app/ctl/kiosk.ini.example)
#   MEDKIOSK_DEB_BUILD     binary (all three, default) | any (medkiosk, medkiosk-sims) | all (models)
#   MEDKIOSK_DEB_NO_BUILD=1  package the programs already built in BUILD_DIR without running ninja
#   MEDKIOSK_DBGSYM=1      also build the -dbgsym packages (debug symbols; slower)
#   MEDKIOSK_NO_LINTIAN=1  skip lintian
#   MEDKIOSK_MODELS_DIR    the face models' cache (as scripts/fetch-face-models.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="$(realpath -m "${BUILD_DIR:-$ROOT/build/release}")"
OUT="$(realpath -m "${MEDKIOSK_DEB_DIR:-$ROOT/build/packaging/debs}")"
KIOSK_INI="$(realpath "${MEDKIOSK_KIOSK_INI:-$ROOT/kiosk_app/ctl/kiosk.ini.example}")"
WHAT="${MEDKIOSK_DEB_BUILD:-binary}"
MODELS="${MEDKIOSK_MODELS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/medkiosk/models}"
LOCK=/tmp/medkiosk-build.lock
say() { echo "build-debs: $*"; }

cmake_version="$(sed -n 's/^project(medkiosk VERSION \([0-9][0-9.]*\).*/\1/p' "$ROOT/CMakeLists.txt")"
[ -n "$cmake_version" ] || { say "no project version in CMakeLists.txt" >&2; exit 1; }
VERSION="${MEDKIOSK_DEB_VERSION:-$cmake_version}"
case "$VERSION" in
  "$cmake_version"|"$cmake_version"[+~]*) ;;
  *) say "version $VERSION does not start with the project version $cmake_version" >&2; exit 1 ;;
esac
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
CHANGES="${MEDKIOSK_DEB_CHANGES:-Built from commit $commit.}"

for tool in dpkg-buildpackage dh cmake flock; do
  command -v "$tool" >/dev/null || { say "$tool is missing: run scripts/install-deps.sh" >&2; exit 1; }
done

# 1. The build tree: configured as scripts/setup.sh does; only the installed programs are built.
case "$WHAT" in binary|any)
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    werror=OFF; [ "${CI:-}" = "true" ] && werror=ON
    say "configuring $BUILD_DIR"
    flock "$LOCK" cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DMEDKIOSK_WERROR=$werror
  fi ;;
esac

# 2. A staging source folder: packaging/debian, a changelog for this version, the files the
# packages take from the repository, and the face models.
STAGE_PARENT="$ROOT/build/packaging/stage-$$"
STAGE="$STAGE_PARENT/medkiosk-$VERSION"
trap 'rm -rf "$STAGE_PARENT"' EXIT
mkdir -p "$STAGE/docs" "$STAGE/models"
cp -a "$ROOT/packaging/debian" "$STAGE/debian"
cp "$ROOT/packaging/medkiosk-ctl" "$ROOT/packaging/medkiosk-make-store-key" "$STAGE/"
cp "$KIOSK_INI" "$STAGE/kiosk.ini"
cp "$ROOT/README.md" "$STAGE/"
while read -r doc; do
  case "$doc" in docs/*) cp "$ROOT/$doc" "$STAGE/docs/" ;; esac
done < "$ROOT/packaging/debian/medkiosk.docs"
epoch="$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || date +%s)"
{
  echo "medkiosk ($VERSION) bookworm; urgency=medium"
  echo
  echo "  * $CHANGES"
  echo
  echo " -- medkiosk maintainers <medkiosk@hospital.example.org>  $(date -R -u -d "@$epoch")"
} > "$STAGE/debian/changelog"

case "$WHAT" in binary|all)
  bash "$ROOT/scripts/fetch-face-models.sh" >/dev/null
  (cd "$MODELS" && sha256sum --quiet -c "$ROOT/scripts/face-models.sha256") \
    || { say "the face models in $MODELS do not match scripts/face-models.sha256" >&2; exit 1; }
  cp "$MODELS/shape_predictor_5_face_landmarks.dat" "$MODELS/dlib_face_recognition_resnet_model_v1.dat" \
    "$STAGE/models/"
  cp "$ROOT/scripts/face-models.sha256" "$STAGE/models/face-models.sha256"
  # dlib-models' README (how each model was made, its terms), from the verified source tarball.
  tarball="$(ls "$MODELS"/.apt/src/dlib_*orig-dlib-models.tar.* 2>/dev/null | head -n1 || true)"
  if [ -n "$tarball" ] && tar -xf "$tarball" -O --wildcards '*/README.md' > "$STAGE/models/README.dlib-models.md" 2>/dev/null \
     && [ -s "$STAGE/models/README.dlib-models.md" ]; then :; else
    printf '%s\n' "dlib-models (https://github.com/davisking/dlib-models), by Davis E. King, released" \
      "into the public domain (CC0 1.0): shape_predictor_5_face_landmarks.dat (5-point landmarks," \
      "trained on the dlib 5-point face landmark dataset) and dlib_face_recognition_resnet_model_v1.dat" \
      "(ResNet face descriptor). Taken from Debian's dlib source package." > "$STAGE/models/README.dlib-models.md"
  fi ;;
esac

# 3. debhelper. -us -uc: the packages are not signed one by one; the APT repository's signed
# Release vouches for their checksums (packaging/repo.sh).
opts="nocheck"
[ "${MEDKIOSK_DBGSYM:-0}" = 1 ] || opts="$opts noautodbgsym"
case "$WHAT" in binary) flag=-b ;; any) flag=-B ;; all) flag=-A ;; *) say "MEDKIOSK_DEB_BUILD: binary|any|all" >&2; exit 1 ;; esac
say "building medkiosk $VERSION ($WHAT) from $BUILD_DIR"
start=$(date +%s)
(cd "$STAGE" && MEDKIOSK_BUILD_DIR="$BUILD_DIR" MEDKIOSK_BUILD_LOCK="$LOCK" \
   MEDKIOSK_DEB_NO_BUILD="${MEDKIOSK_DEB_NO_BUILD:-0}" \
   DEB_BUILD_OPTIONS="$opts ${DEB_BUILD_OPTIONS:-}" \
   dpkg-buildpackage "$flag" -us -uc --no-sign -jauto >"$STAGE_PARENT/build.log" 2>&1) \
  || { tail -n 40 "$STAGE_PARENT/build.log" >&2; say "dpkg-buildpackage failed" >&2; exit 1; }

mkdir -p "$OUT"
rm -f "$OUT"/*.deb "$OUT"/*.changes "$OUT"/*.buildinfo
mv "$STAGE_PARENT"/*.deb "$STAGE_PARENT"/*.changes "$STAGE_PARENT"/*.buildinfo "$OUT/"
cp "$STAGE_PARENT/build.log" "$OUT/build.log"
say "built in $(( $(date +%s) - start )) s:"
(cd "$OUT" && for d in *.deb; do printf '  %-60s %8s KiB\n' "$d" "$(( $(stat -c %s "$d") / 1024 ))"; done)

# 4. lintian: no error, no warning left unexplained.
if [ "${MEDKIOSK_NO_LINTIAN:-0}" != 1 ]; then
  command -v lintian >/dev/null || { say "lintian is missing: run scripts/install-deps.sh" >&2; exit 1; }
  changes="$(ls "$OUT"/*.changes | head -n1)"
  status=0
  lintian --fail-on error,warning --info --display-info "$changes" >"$OUT/lintian.txt" 2>&1 || status=$?
  errors="$(grep -c '^E: ' "$OUT/lintian.txt" || true)"
  warnings="$(grep -c '^W: ' "$OUT/lintian.txt" || true)"
  say "lintian: $errors errors, $warnings warnings (full report: $OUT/lintian.txt)"
  if [ "$status" -ne 0 ] || [ "$errors" -ne 0 ] || [ "$warnings" -ne 0 ]; then
    grep -E '^(E|W): ' "$OUT/lintian.txt" >&2 || cat "$OUT/lintian.txt" >&2
    exit 1
  fi
fi
say "packages in $OUT"
