#!/usr/bin/env bash
# Installs the Debian 12 packages medkiosk builds and runs with. Idempotent: packages already
# present are skipped by apt itself, and apt-get update runs only when something is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git curl ca-certificates clang-format clang-tidy
  qt6-base-dev qt6-base-dev-tools
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
  libdlib-dev libopenblas-dev liblapack-dev libzxing-dev
  libsqlcipher-dev sqlcipher libcurl4-openssl-dev libssl-dev libgl-dev libjwt-dev libcjose-dev libjansson-dev
  libsimdjson-dev
  libsystemd-dev
  python3 python3-jsonschema fonts-noto-cjk bzip2 xz-utils dpkg-dev
  qt6-serialport-dev qt6-multimedia-dev qt6-speech-dev qt6-speech-speechd-plugin qt6-declarative-dev
  speech-dispatcher-espeak-ng espeak-ng libpcsclite-dev pcscd vsmartcard-vpcd pcsc-tools
  # packaging (issue 10): .debs, lintian, the signed repository, the test's Debian root and units
  debhelper fakeroot lintian reprepro gnupg gpgv mmdebstrap systemd util-linux
  # health export (issue 13): tests/health parses it with promtool and the Python client's parser.
  # (tests/interop also needs Node.js >= 20 with npm, which Debian 12 does not ship: NodeSource.)
  prometheus python3-prometheus-client
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
