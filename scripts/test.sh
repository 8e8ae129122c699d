#!/usr/bin/env bash
# The README's test command: set up (packages, models, build), then run every Qt Test suite.
# Pass ctest arguments to narrow it, e.g.  scripts/test.sh -L unit
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build/release}"
export BUILD_DIR
bash "$ROOT/scripts/setup.sh"
export QT_QPA_PLATFORM=offscreen
cd "$BUILD_DIR"
if [ $# -eq 0 ]; then set -- -LE bench; fi
ctest --output-on-failure --parallel 2 "$@"
