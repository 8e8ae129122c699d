#!/usr/bin/env bash
# The README's first command: set up (packages, models, build), then start the kiosk in demo mode
# (embedded booking-pool simulator, simulated devices). Extra arguments go to medkiosk.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build/release}"
export BUILD_DIR
bash "$ROOT/scripts/setup.sh"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "demo: no display found; starting headless (offscreen). To look at the screens, run:" >&2
  echo "  $BUILD_DIR/kiosk_app/app/medkiosk --demo --screenshots $ROOT/build/screens" >&2
  export QT_QPA_PLATFORM=offscreen
fi
exec "$BUILD_DIR/kiosk_app/app/medkiosk" --demo "$@"
