#!/usr/bin/env bash
# packaging/repo.sh: the hospital's signed APT repository of medkiosk packages (reprepro).
#
#   repo.sh publish REPO SUITE DEB...    add .debs to SUITE (pilot or stable) and sign it
#   repo.sh promote REPO PKG...          pilot → stable: the packages as the pilot kiosks ran them
#                                        go to stable; what stable had goes to previous
#   repo.sh refresh REPO                 sign every suite again (a new Valid-Until); run it at
#                                        least every MEDKIOSK_REPO_VALID_FOR (e.g. weekly, cron)
#   repo.sh client REPO URL [GROUP]      write REPO/public/medkiosk-GROUP.sources (GROUP: stable,
#                                        the default, or pilot) and REPO/public/medkiosk.gpg, the
#                                        files a kiosk installs
#   repo.sh list REPO                    what each suite holds
#
# REPO holds reprepro's conf/ and db/ (private) and public/ (dists/, pool/, the client files):
# publish public/ on the hospital's web server as it is. Suites: pilot (a first group of kiosks),
# stable (every kiosk), previous (what stable held before the last promotion). Kiosks list
# "stable previous" (pilot kiosks "pilot stable previous"): apt takes the newest version, and
# pinning the previous one rolls a kiosk back (reprepro 5.3 keeps one version per suite).
#
#   MEDKIOSK_REPO_KEY        fingerprint of the signing (sub)key, in GnuPG's keyring ($GNUPGHOME);
#                            required for publish, promote and refresh (docs/install.md makes it)
#   MEDKIOSK_REPO_VALID_FOR  how long a signed Release stays valid (reprepro ValidFor; default 14d):
#                            apt refuses an older Release served again (replay, freeze)
#   MEDKIOSK_REPO_ARCHS      architectures (default amd64)
set -euo pipefail
say() { echo "repo.sh: $*"; }
die() { echo "repo.sh: $*" >&2; exit 1; }
[ $# -ge 2 ] || { sed -n '2,24p' "$0"; exit 2; }
cmd="$1"; REPO="$(realpath -m "$2")"; shift 2
SUITES="pilot stable previous"
VALID_FOR="${MEDKIOSK_REPO_VALID_FOR:-14d}"
ARCHS="${MEDKIOSK_REPO_ARCHS:-amd64}"
command -v reprepro >/dev/null || die "reprepro is missing: run scripts/install-deps.sh"

need_key() {
  [ -n "${MEDKIOSK_REPO_KEY:-}" ] || die "set MEDKIOSK_REPO_KEY to the signing key's fingerprint (docs/install.md)"
  gpg --batch --list-secret-keys "$MEDKIOSK_REPO_KEY" >/dev/null 2>&1 \
    || die "no secret key $MEDKIOSK_REPO_KEY in GnuPG's keyring (${GNUPGHOME:-~/.gnupg})"
}

# conf/distributions, written again on each run so MEDKIOSK_REPO_KEY / VALID_FOR changes apply.
configure() {
  mkdir -p "$REPO/conf" "$REPO/public"
  : > "$REPO/conf/distributions.new"
  for s in $SUITES; do
    cat >> "$REPO/conf/distributions.new" <<CONF
Origin: medkiosk
Label: medkiosk
Suite: $s
Codename: $s
Architectures: $ARCHS
Components: main
Description: medkiosk packages for the hospital's kiosks ($s)
${MEDKIOSK_REPO_KEY:+SignWith: $MEDKIOSK_REPO_KEY
}ValidFor: $VALID_FOR

CONF
  done
  mv "$REPO/conf/distributions.new" "$REPO/conf/distributions"
}

rr() { reprepro --basedir "$REPO" --outdir "$REPO/public" "$@"; }

case "$cmd" in
  publish)
    [ $# -ge 2 ] || die "publish REPO SUITE DEB..."
    suite="$1"; shift
    case " $SUITES " in *" $suite "*) ;; *) die "suite must be one of: $SUITES" ;; esac
    need_key; configure
    for deb in "$@"; do
      case "$deb" in *.deb) ;; *) continue ;; esac
      case "$deb" in *-dbgsym_*) continue ;; esac
      pkg="$(dpkg-deb -f "$deb" Package)"
      # Straight to stable: what stable had goes to previous, as with promote.
      if [ "$suite" = stable ] && [ -n "$(rr list stable "$pkg")" ] \
         && [ "$(rr list stable "$pkg" | awk '{print $3; exit}')" != "$(dpkg-deb -f "$deb" Version)" ]; then
        rr copy previous stable "$pkg"
      fi
      rr includedeb "$suite" "$deb"
    done
    rr export
    say "published to $suite: ${*##*/}"
    ;;
  promote)
    [ $# -ge 1 ] || die "promote REPO PKG..."
    need_key; configure
    for pkg in "$@"; do
      if [ -n "$(rr list stable "$pkg")" ]; then rr copy previous stable "$pkg"; fi
      rr copy stable pilot "$pkg"
    done
    rr export
    say "promoted from pilot to stable (the former stable ones are in previous): $*"
    ;;
  refresh)
    need_key; configure
    rr export
    say "signed again: $(for s in $SUITES; do sed -n 's/^Valid-Until: /'"$s"' valid until /p' "$REPO/public/dists/$s/Release" 2>/dev/null; done | paste -sd';' -)"
    ;;
  client)
    [ $# -ge 1 ] || die "client REPO URL [stable|pilot]"
    url="$1"; group="${2:-stable}"
    case "$group" in stable) suites="stable previous" ;; pilot) suites="pilot stable previous" ;;
      *) die "client REPO URL [stable|pilot]" ;; esac
    [ -n "${MEDKIOSK_REPO_KEY:-}" ] || die "set MEDKIOSK_REPO_KEY (its public key goes to the kiosks)"
    mkdir -p "$REPO/public"
    gpg --batch --export "$MEDKIOSK_REPO_KEY" > "$REPO/public/medkiosk.gpg"
    [ -s "$REPO/public/medkiosk.gpg" ] || die "cannot export the public key $MEDKIOSK_REPO_KEY"
    cat > "$REPO/public/medkiosk-$group.sources" <<SRC
# The hospital's medkiosk packages (docs/install.md). Install as /etc/apt/sources.list.d/medkiosk.sources
# with the key as /etc/apt/keyrings/medkiosk.gpg; apt accepts only what that key signed.
Types: deb
URIs: $url
Suites: $suites
Components: main
Signed-By: /etc/apt/keyrings/medkiosk.gpg
SRC
    say "wrote $REPO/public/medkiosk-$group.sources and $REPO/public/medkiosk.gpg"
    ;;
  list)
    configure
    for s in $SUITES; do echo "[$s]"; rr list "$s" || true; done
    ;;
  *) die "unknown command $cmd (publish, promote, refresh, client, list)" ;;
esac
