#!/usr/bin/env bash
# Refreshes the Qt Linguist sources in i18n/ from every tr() in the code (dropping strings that no
# longer exist), then marks the English file's entries as finished with the source text, since
# English is the source language. Chinese entries that are new stay "unfinished" until translated
# (tests/i18n fails while any are left). Usage: scripts/update-translations.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LUPDATE="${LUPDATE:-/usr/lib/qt6/bin/lupdate}"
cd "$ROOT"
dirs=()
for d in kiosk_app face_auth payment hardware_drivers; do [ -d "$d" ] && dirs+=("$d"); done
# Includes name their module ("hw/card/CardReader.h"): give lupdate the same namespaces the build
# gives the compiler, or it cannot see which class (and namespace) a tr() belongs to.
ns_dir="$(mktemp -d)"
trap 'rm -rf "$ns_dir"' EXIT
for pair in core:kiosk_app/core ui:kiosk_app/ui app:kiosk_app/app hw:hardware_drivers \
  face_auth:face_auth poolsim:tools/poolsim payment:payment; do
  [ -d "${pair#*:}" ] && ln -s "$ROOT/${pair#*:}" "$ns_dir/${pair%%:*}"
done
"$LUPDATE" -no-obsolete -locations none -extensions cpp,h -I "$ns_dir" "${dirs[@]}" \
  -ts i18n/medkiosk_zh_CN.ts i18n/medkiosk_en.ts
python3 "$ROOT/scripts/ts-fill-source.py" i18n/medkiosk_en.ts
