#!/usr/bin/env bash
# clang-tidy (.clang-tidy at the root) over the modules' C++ sources; any finding fails (exit 1).
#
#   scripts/tidy.sh --all               every .cpp of every module
#   scripts/tidy.sh --changed [BASE]    only what changed since BASE (default: the commit in
#                                       .ci/tidy-base, where the full run was clean): changed .cpp
#                                       files, and the .cpp files that include a changed header
#                                       (from the build's dependency records; a header no object
#                                       includes yet: every .cpp of its module). A changed
#                                       .clang-tidy or this script means --all.
#   scripts/tidy.sh FILE...             just these files
#
# Modules: kiosk_app, face_auth, hardware_drivers, result (header-only: analysed through its
# includers), payment, i18n, tools/poolsim, tools/printersim. tests/ is not a module and is not
# analysed; files the build generates (moc_*, qrc_*, ui_*) are not either.
#
# Needs a configured and built tree (scripts/setup.sh): its compile_commands.json, and the moc
# output the sources include.
#
#   BUILD_DIR    build folder (default: build/release)
#   TIDY_JOBS    files analysed at once (default: 2)
#   CLANG_TIDY   the clang-tidy binary (default: clang-tidy)
#
# Per-file output goes to $BUILD_DIR/tidy/ (one .log per file); the summary lists each finding
# once (a header's warning is reported by every file that includes it), counts by check, and the
# wall time.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build/release}"
BUILD_DIR="$(cd "$BUILD_DIR" 2>/dev/null && pwd || echo "$BUILD_DIR")"
JOBS="${TIDY_JOBS:-2}"
CLANG_TIDY="${CLANG_TIDY:-clang-tidy}"
MODULES_RE='^(kiosk_app|face_auth|hardware_drivers|result|payment|i18n|tools/poolsim|tools/printersim)/'
cd "$ROOT"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
  exit 2
}

if ! command -v "$CLANG_TIDY" >/dev/null; then
  echo "tidy: $CLANG_TIDY not found (Debian: apt-get install clang-tidy; scripts/install-deps.sh)" >&2
  exit 2
fi
db="$BUILD_DIR/compile_commands.json"
if [ ! -f "$db" ]; then
  echo "tidy: no $db: configure and build first (scripts/setup.sh)" >&2
  exit 2
fi

# Every module .cpp the build compiles, relative to the root, one a line.
module_sources() {
  python3 - "$db" "$ROOT" "$MODULES_RE" <<'EOF'
import json, os, re, sys
db, root, modules = sys.argv[1], sys.argv[2], re.compile(sys.argv[3])
seen = set()
for entry in json.load(open(db)):
    path = os.path.normpath(os.path.join(entry.get("directory", ""), entry["file"]))
    if not path.startswith(root + "/"):
        continue
    rel = path[len(root) + 1:]
    if rel.endswith(".cpp") and modules.match(rel) and rel not in seen:
        seen.add(rel)
        print(rel)
EOF
}

# The module .cpp files affected by the changed files listed in $2 (relative paths, one a line);
# $1: every module source.
affected_sources() {
  local deps_file
  deps_file="$(mktemp)"
  ninja -C "$BUILD_DIR" -t deps >"$deps_file" 2>/dev/null || true
  python3 - "$ROOT" "$MODULES_RE" "$deps_file" "$1" "$2" <<'EOF'
import os, re, sys
root, modules, deps_file, sources_file, changed_file = sys.argv[1:6]
modules = re.compile(modules)
sources = [l.strip() for l in open(sources_file) if l.strip()]
changed = [l.strip() for l in open(changed_file) if l.strip()]
changed_headers = {os.path.realpath(os.path.join(root, c)) for c in changed
                   if c.endswith(".h") and modules.match(c)}
out = set(c for c in changed if c.endswith(".cpp") and c in sources)
# ninja -t deps: "<object>: #deps ..." then the indented inputs, the source first.
found = set()
block = []
def flush(block):
    if not block:
        return
    src = os.path.realpath(block[0])
    rel = src[len(root) + 1:] if src.startswith(root + "/") else None
    hit = [h for h in (os.path.realpath(d) for d in block[1:]) if h in changed_headers]
    if hit:
        found.update(hit)
        if rel in sources:
            out.add(rel)
for line in open(deps_file, errors="replace"):
    if line.startswith("    "):
        block.append(line.strip())
    else:
        flush(block)
        block = []
flush(block)
# A header no recorded object includes (new, or the build never ran): its module's every .cpp.
for h in changed_headers - found:
    rel = h[len(root) + 1:]
    m = modules.match(rel)
    if m:
        out.update(s for s in sources if s.startswith(m.group(0)))
for s in sorted(out):
    print(s)
EOF
  rm -f "$deps_file"
}

mode="${1:-}"
all_sources="$(mktemp)"
list="$(mktemp)"
trap 'rm -f "$all_sources" "$list"' EXIT
module_sources >"$all_sources"
case "$mode" in
  --all)
    cp "$all_sources" "$list"
    ;;
  --changed)
    base="${2:-}"
    if [ -z "$base" ]; then
      base="$(sed -n 's/^\([0-9a-f]\{7,40\}\).*/\1/p' .ci/tidy-base 2>/dev/null | head -n 1)"
    fi
    if [ -z "$base" ] || ! git rev-parse -q --verify "$base^{commit}" >/dev/null; then
      echo "tidy: base '${base:-?}' unknown (.ci/tidy-base, or a shallow clone): analysing everything"
      cp "$all_sources" "$list"
    else
      changed="$( (git diff --name-only "$base" --; git ls-files --others --exclude-standard) |
        sort -u)"
      if printf '%s\n' "$changed" | grep -qxE '\.clang-tidy|scripts/tidy\.sh'; then
        echo "tidy: .clang-tidy or scripts/tidy.sh changed since $base: analysing everything"
        cp "$all_sources" "$list"
      else
        printf '%s\n' "$changed" >"$list"
        affected_sources "$all_sources" "$list" >"$list.sources"
        mv "$list.sources" "$list"
      fi
      echo "tidy: changes since $(git rev-parse --short "$base")"
    fi
    ;;
  -h | --help | "")
    usage
    ;;
  *)
    for f in "$@"; do
      [ -f "$f" ] || { echo "tidy: no such file: $f" >&2; exit 2; }
      realpath --relative-to="$ROOT" "$f"
    done >"$list"
    ;;
esac

total="$(grep -c . "$list" || true)"
if [ "$total" -eq 0 ]; then
  echo "tidy: nothing to analyse"
  exit 0
fi
logs="$BUILD_DIR/tidy"
mkdir -p "$logs"
echo "tidy: $total files, $JOBS at a time, $("$CLANG_TIDY" --version | sed -n 's/.*LLVM version /clang-tidy /p')"

# One file: its log, and one line "[i/N] file  seconds  result".
analyse_one() {
  local index="$1" file="$2" log start secs rc=0 n
  log="$logs/$(printf '%s' "$file" | tr '/' '_').log"
  start="$EPOCHREALTIME"
  # The compile commands are GCC's: clang does not know some of its warning options
  # (-Wshadow=local), and under CI's -Werror that would be an error; compiler warnings stay
  # warnings here, so only the checks of .clang-tidy decide (the build itself has -Werror).
  "$CLANG_TIDY" -p "$BUILD_DIR" --quiet --extra-arg=-Wno-unknown-warning-option \
    --extra-arg=-Wno-error "$ROOT/$file" >"$log" 2>&1 || rc=$?
  secs="$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')"
  n="$(grep -cE '^[^ ].*:[0-9]+:[0-9]+: (warning|error): ' "$log" || true)"
  printf '%s\t%s\n' "$secs" "$file" >"$log.time"
  if [ "$rc" -eq 0 ] && [ "$n" -eq 0 ]; then
    printf '[%d/%d] %-58s %6s s  clean\n' "$index" "$TOTAL" "$file" "$secs"
  else
    printf '[%d/%d] %-58s %6s s  %d finding(s)\n' "$index" "$TOTAL" "$file" "$secs" "$n"
    echo "exit $rc" >"$log.failed"
  fi
}
export -f analyse_one
export CLANG_TIDY BUILD_DIR ROOT logs
export TOTAL="$total"

# Clear the previous run's marks for the files of this run only.
while IFS= read -r f; do
  rm -f "$logs/$(printf '%s' "$f" | tr '/' '_').log"{,.time,.failed}
done <"$list"

wall_start="$EPOCHREALTIME"
awk '{ print NR, $0 }' "$list" | xargs -P "$JOBS" -n 2 bash -c 'analyse_one "$1" "$2"' _
wall="$(awk -v a="$wall_start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')"

status=0
python3 - "$logs" "$list" "$wall" "$ROOT" <<'EOF' || status=$?
import collections, os, re, statistics, sys
logs, list_file, wall, root = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
files = [l.strip() for l in open(list_file) if l.strip()]
diag = re.compile(r"^(/[^:]+):(\d+):(\d+): (warning|error): (.*) \[([^\]]+)\]$")
findings = {}
failed = []
times = []
for f in files:
    base = os.path.join(logs, f.replace("/", "_") + ".log")
    try:
        t, _ = open(base + ".time").read().split("\t", 1)
        times.append((float(t), f))
    except (OSError, ValueError):
        pass
    if os.path.exists(base + ".failed"):
        failed.append(f)
    for line in open(base, errors="replace") if os.path.exists(base) else []:
        m = diag.match(line.rstrip("\n"))
        if not m:
            continue
        path = os.path.realpath(m.group(1))
        rel = path[len(root) + 1:] if path.startswith(root + "/") else path
        check = m.group(6).split(",")[0]
        findings.setdefault((rel, int(m.group(2)), int(m.group(3)), check), m.group(5))
print()
by_check = collections.Counter(k[3] for k in findings)
for (path, line, col, check), text in sorted(findings.items()):
    print(f"{path}:{line}:{col}: {text} [{check}]")
if findings:
    print()
    print("findings by check:")
    for check, n in by_check.most_common():
        print(f"  {n:4d}  {check}")
secs = sorted(t for t, _ in times)
if secs:
    print(f"per file: median {statistics.median(secs):.1f} s, min {secs[0]:.1f} s, "
          f"max {secs[-1]:.1f} s, total {sum(secs) / 60:.1f} CPU-min")
    print("slowest: " + ", ".join(f"{f} {t:.0f} s" for t, f in sorted(times, reverse=True)[:3]))
print(f"tidy: {len(files)} files in {wall:.0f} s wall; {len(findings)} distinct finding(s) in "
      f"{len(failed)} file(s); logs in {logs}")
if failed:
    print("tidy: FAILED (fix the findings, or see .clang-tidy for the check list)")
sys.exit(1 if failed else 0)
EOF
if [ "$status" -eq 0 ] && [ "$mode" = "--all" ]; then
  if git diff --quiet HEAD -- kiosk_app face_auth hardware_drivers result payment i18n tools .clang-tidy; then
    echo "tidy: clean at $(git rev-parse --short HEAD); to make it the base of --changed:" \
      "git rev-parse HEAD > .ci/tidy-base"
  fi
fi
exit "$status"
