#!/usr/bin/env bash
# The sanitizer run as one command (issue 16): packages and face models (as scripts/setup.sh),
# then configure, build and test the AddressSanitizer + UndefinedBehaviorSanitizer preset "asan"
# (CMakePresets.json: Debug at -O1 -g -fno-omit-frame-pointer, in build/asan). Prints how long
# each step took and the ctest summary (every suite with its time).
#
#   scripts/sanitize.sh                      every suite but the benchmarks (ctest --preset asan)
#   scripts/sanitize.sh --labels unit,fuzz   only these ctest labels (what CI runs)
#   scripts/sanitize.sh --labels unit -- -R tst_liveness   more ctest arguments after --
#
#   --jobs N    build jobs (default: the number of cores)
#   --no-setup  skip install-deps.sh and fetch-face-models.sh (already done, e.g. by test.sh)
#
# Only the targets the selected tests run are built (scripts/ctest-targets.py). Leak detection is
# on, with cmake/sanitizers/lsan.supp for third-party leaks; face_auth/FaceEngine.cpp (dlib's
# templates) is compiled uninstrumented. docs/hardware.md, "The sanitizer build".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

labels=""
jobs="$(nproc)"
setup=1
while [ $# -gt 0 ]; do
  case "$1" in
    --labels) labels="${2:?--labels needs a comma-separated list, e.g. unit,fuzz}"; shift 2 ;;
    --labels=*) labels="${1#--labels=}"; shift ;;
    --jobs) jobs="${2:?--jobs needs a number}"; shift 2 ;;
    --no-setup) setup=0; shift ;;
    --) shift; break ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "sanitize.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

now() { date +%s; }
# CPU seconds (user + system) of every finished child process so far: cutime + cstime of this
# shell (/proc/PID/stat fields 16 and 17, in clock ticks), read without forking.
ticks="$(getconf CLK_TCK)"
cpu_s=0
cpu() { local f; read -r -a f < "/proc/$$/stat"; cpu_s=$(((f[15] + f[16]) / ticks)); }
t0="$(now)"
if [ "$setup" -eq 1 ]; then
  bash "$ROOT/scripts/install-deps.sh"
  bash "$ROOT/scripts/fetch-face-models.sh"
fi
t1="$(now)"
ctest_args=(--preset asan --parallel 2)
if [ -n "$labels" ]; then
  # unit,fuzz -> ^(unit|fuzz)$ (whole labels: "unit" must not also pick "unit-slow")
  ctest_args+=(-L "^(${labels//,/|})\$")
fi

cmake --preset asan >/dev/null
# Build only what the selected tests run: every file of the build tree named in a selected test's
# command (its executable, or the binaries a cmake -P check inspects) that ninja knows how to
# build; their add_dependencies (medkioskctl, medkiosk, the simulators) come with them. Derived
# from ctest at each run, so a new suite or label needs no list here.
mapfile -t targets < <(ctest "${ctest_args[@]}" "$@" --show-only=json-v1 |
  python3 "$ROOT/scripts/ctest-targets.py" "$ROOT/build/asan")
if [ "${#targets[@]}" -eq 0 ]; then
  echo "sanitize.sh: no test selected (labels: ${labels:-all but bench}, ctest arguments: $*)" >&2
  exit 2
fi
echo "sanitize.sh: building ${#targets[@]} targets for the selected tests"
cpu; c1=$cpu_s
cmake --build --preset asan --parallel "$jobs" --target "${targets[@]}"
t2="$(now)"
cpu; c2=$cpu_s

status=0
ctest "${ctest_args[@]}" "$@" || status=$?
t3="$(now)"
cpu; c3=$cpu_s

echo
echo "sanitize.sh: setup $((t1 - t0)) s, configure + build $((t2 - t1)) s ($((c2 - c1)) CPU s)," \
  "tests $((t3 - t2)) s ($((c3 - c2)) CPU s), total $((t3 - t0)) s wall" \
  "(labels: ${labels:-all but bench}); exit $status"
exit "$status"
