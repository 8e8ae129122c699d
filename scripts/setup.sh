#!/usr/bin/env bash
# Everything a fresh Debian 12 machine needs before medkiosk runs or is tested: packages, the face
# models (for face features), then a configured and built tree. Idempotent: each step skips what
# is already done (apt sees installed packages, models are checksum-verified, ninja rebuilds only
# what changed).
#
#   BUILD_DIR         build folder (default: build/release)
#   MEDKIOSK_CMAKE_ARGS  extra CMake arguments (e.g. -DMEDKIOSK_SANITIZE=ON)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build/release}"

bash "$ROOT/scripts/install-deps.sh"
bash "$ROOT/scripts/fetch-face-models.sh"

werror=OFF
if [ "${CI:-}" = "true" ]; then werror=ON; fi
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  # shellcheck disable=SC2086
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMEDKIOSK_WERROR=$werror ${MEDKIOSK_CMAKE_ARGS:-}
fi
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
echo "setup: built in $BUILD_DIR"
