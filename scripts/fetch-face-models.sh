#!/usr/bin/env bash
# Fetches dlib's CC0 face models (5-point landmarks, ResNet descriptor) and the example photos
# from Debian's dlib *source* package, without touching the machine's apt configuration: apt gets
# a private deb-src list and a private lists folder. Checksums are verified against the .dsc
# (which apt verified against the signed Sources index) and again per extracted file.
# Idempotent: a second run finds the verified files in the cache and exits.
#
#   MEDKIOSK_MODELS_DIR  where models go (default: ~/.cache/medkiosk/models)
set -euo pipefail

DEST="${MEDKIOSK_MODELS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/medkiosk/models}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SUMS="$HERE/face-models.sha256"

verify() { [ -f "$SUMS" ] && [ -d "$DEST/photos/johns" ] && (cd "$DEST" && sha256sum --quiet -c "$SUMS") >/dev/null 2>&1; }

if verify; then
  echo "fetch-face-models: models present and verified in $DEST"
  exit 0
fi

mkdir -p "$DEST"
WORK="$DEST/.apt"
mkdir -p "$WORK/lists/partial" "$WORK/sources.list.d" "$WORK/src"
# Reuse the machine's deb mirror, as deb-src, in a private list.
MIRROR="http://deb.debian.org/debian"
if grep -rhoE 'https?://[^ ]+/debian/?' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null | grep -v security | head -n1 | grep -q .; then
  MIRROR="$(grep -rhoE 'https?://[^ ]+/debian/?' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null | grep -v security | head -n1)"
fi
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${MIRROR%/} bookworm main" > "$WORK/sources.list.d/dlib-src.list"

APT_OPTS=(-o "Dir::Etc::SourceParts=$WORK/sources.list.d" -o "Dir::Etc::SourceList=/dev/null"
          -o "Dir::State::Lists=$WORK/lists" -o "Dir::Cache=$WORK/cache" -o "APT::Sandbox::User=root")
mkdir -p "$WORK/cache/archives/partial"
echo "fetch-face-models: reading the dlib source index (private apt lists in $WORK)"
apt-get "${APT_OPTS[@]}" update -qq
(cd "$WORK/src" && apt-get "${APT_OPTS[@]}" source --download-only -qq dlib)

DSC="$(ls "$WORK"/src/dlib_*.dsc | head -n1)"
MODELS_TAR="$(ls "$WORK"/src/dlib_*orig-dlib-models.tar.* | head -n1)"
MAIN_TAR="$(ls "$WORK"/src/dlib_*.orig.tar.* | head -n1)"
# apt-get source already checks the .dsc sums; check again so a cached download is re-verified.
for f in "$MODELS_TAR" "$MAIN_TAR"; do
  want="$(awk -v n="$(basename "$f")" '/^Checksums-Sha256:/{s=1;next} /^[^ ]/{s=0} s && $3==n {print $1}' "$DSC")"
  have="$(sha256sum "$f" | cut -d' ' -f1)"
  [ -n "$want" ] && [ "$want" = "$have" ] || { echo "fetch-face-models: checksum mismatch for $f" >&2; exit 1; }
done

echo "fetch-face-models: extracting the CC0 models and example photos"
tar -xjf "$MODELS_TAR" -C "$WORK/src" --wildcards '*shape_predictor_5_face_landmarks.dat.bz2' '*dlib_face_recognition_resnet_model_v1.dat.bz2' 2>/dev/null \
  || tar -xf "$MODELS_TAR" -C "$WORK/src" --wildcards '*shape_predictor_5_face_landmarks*' '*dlib_face_recognition_resnet_model_v1*'
for m in shape_predictor_5_face_landmarks.dat dlib_face_recognition_resnet_model_v1.dat; do
  src="$(find "$WORK/src" -name "$m*" -not -path '*/examples/*' | head -n1)"
  case "$src" in
    *.bz2) bunzip2 -c "$src" > "$DEST/$m" ;;
    *) cp "$src" "$DEST/$m" ;;
  esac
done
mkdir -p "$DEST/photos"
tar -xf "$MAIN_TAR" -C "$DEST/photos" --strip-components=2 --wildcards '*/examples/faces/*' '*/examples/johns/*' 2>/dev/null || true

if [ ! -f "$SUMS" ]; then
  echo "fetch-face-models: no $SUMS to verify against" >&2; exit 1
fi
verify || { echo "fetch-face-models: extracted models do not match $SUMS" >&2; exit 1; }
rm -rf "$WORK/src"/dlib-* 2>/dev/null || true
echo "fetch-face-models: models verified in $DEST"
