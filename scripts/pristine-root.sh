#!/usr/bin/env bash
# Runs commands in a fresh clone of this repository inside a pristine Debian root: what a newcomer's machine has and
# nothing more, so that a host package the README does not install fails here the day it creeps in.
#
#   scripts/pristine-root.sh [--out DIR] [--source REPO] -- 'command' ['command' ...]
#
# The root is Debian bookworm's minbase plus ca-certificates and the .NET SDK's own Linux dependencies (the packages
# Microsoft's dotnet-sdk package depends on: what installing the SDK brings); the host's .NET SDK is mounted in
# read-only, the NuGet cache and the home folder start empty, and nothing else from the host is visible but /proc,
# /sys, /dev and the network's settings (DNS, the host's added CA certificates). Each command runs in bash (as a user's terminal would) in the clone, one after the
# other; every command runs even when an earlier one failed, and the script exits with the first non-zero exit code.
# --out copies the clone's artifacts/ out afterwards (for later CI stages), with commands.tsv: one line per command,
# "exit code<TAB>seconds<TAB>command". Root only, Debian/Ubuntu host.
#
# The debootstrapped root is cached as a tarball under $PROBE_HARNESS_CACHE/pristine (default
# /var/cache/probe-harness/pristine), keyed on its suite and package list, and unpacked anew for every run, so no run
# sees what an earlier one left. Everything mounted or unpacked is removed on exit, also on failure or interrupt.
set -euo pipefail

SUITE=bookworm
# Microsoft's dotnet-sdk/dotnet-runtime-deps Debian 12 dependencies, and ca-certificates for NuGet's TLS.
PACKAGES=(ca-certificates libc6 libgcc-s1 libgssapi-krb5-2 libicu72 libssl3 libstdc++6 zlib1g tzdata)
CACHE=${PROBE_HARNESS_CACHE:-/var/cache/probe-harness}/pristine
DOTNET_ROOT_ON_HOST=$(dirname "$(readlink -f "$(command -v dotnet)")")
REPO=$(cd "$(dirname "$0")/.." && pwd)
OUT=
COMMANDS=()

log() { printf '[pristine %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

while (($#)); do
  case $1 in
    --out) OUT=$2; shift 2 ;;
    --source) REPO=$(cd "$2" && pwd); shift 2 ;;
    --) shift; COMMANDS=("$@"); break ;;
    *) die "unknown argument '$1' (usage: $0 [--out DIR] [--source REPO] -- 'command' ...)" ;;
  esac
done
((${#COMMANDS[@]})) || die "no command given (usage: $0 [--out DIR] [--source REPO] -- 'command' ...)"
[[ $(id -u) == 0 ]] || die "needs root (debootstrap, chroot and mounts)"
[[ -x $DOTNET_ROOT_ON_HOST/dotnet ]] || die "no .NET SDK on this machine (dotnet is not on PATH)"

ensure_debootstrap() {
  command -v debootstrap >/dev/null && return
  log "installing debootstrap"
  apt-get update -q >/dev/null || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends debootstrap >/dev/null \
    || die "apt-get install debootstrap failed"
}

# The machine's own Debian mirror (deb822 or one-line sources), so the root comes from where apt-get already goes.
mirror() {
  local uri
  uri=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [[ -n $uri ]] || uri=$(awk '$1 == "deb" && $2 !~ /^\[/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

base_tarball() {
  local key tarball started
  key=$(printf '%s\n' "$SUITE" minbase "${PACKAGES[@]}" | sha256sum | cut -c1-16)
  tarball=$CACHE/$SUITE-$key.tar
  if [[ -f $tarball ]]; then
    log "cached root $tarball"
    echo "$tarball"
    return
  fi
  ensure_debootstrap
  mkdir -p "$CACHE"
  local build=$CACHE/build.$$
  rm -rf "$build"
  started=$SECONDS
  log "debootstrap $SUITE (minbase + ${PACKAGES[*]}) from $(mirror)"
  local include
  include=$(IFS=,; echo "${PACKAGES[*]}")
  debootstrap --variant=minbase --include="$include" "$SUITE" "$build" "$(mirror)" >"$CACHE/debootstrap.log" 2>&1 \
    || { rm -rf "$build"; die "debootstrap failed; see $CACHE/debootstrap.log"; }
  rm -rf "$build"/var/cache/apt/archives/*.deb "$build"/var/lib/apt/lists/*
  tar -C "$build" -cf "$tarball.partial" . && mv "$tarball.partial" "$tarball"
  rm -rf "$build"
  log "root built in $((SECONDS - started)) s: $tarball ($(du -h "$tarball" | cut -f1))"
  echo "$tarball"
}

ROOT=
cleanup() {
  local code=$?
  [[ -n $ROOT && -d $ROOT ]] || exit "$code"
  # Processes still running inside the root (a command interrupted halfway) go first, or the mounts stay busy.
  local pid
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    if [[ $(readlink "/proc/$pid/root" 2>/dev/null) == "$ROOT" ]]; then kill -9 "$pid" 2>/dev/null || true; fi
  done
  local mount
  for mount in $(awk -v root="$ROOT" '$2 == root || index($2, root "/") == 1 { print $2 }' /proc/mounts | sort -r); do
    umount -l "$mount" 2>/dev/null || true
  done
  rm -rf --one-file-system "$ROOT"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

started=$SECONDS
tarball=$(base_tarball)
ROOT=$(mktemp -d /var/tmp/probe-harness-pristine.XXXXXX)
tar -C "$ROOT" -xf "$tarball"
# The root must be a mount point, as on any machine: PowerShell takes its file system drive from the mount table and,
# without a mount at /, resolves /root/... as /oot/... and finds none of its own modules.
mount --bind "$ROOT" "$ROOT" && mount --make-private "$ROOT"
mount -t proc proc "$ROOT/proc"
mount --rbind /sys "$ROOT/sys" && mount --make-rslave "$ROOT/sys"
mount --rbind /dev "$ROOT/dev" && mount --make-rslave "$ROOT/dev"
mkdir -p "$ROOT/usr/share/dotnet"
mount --bind "$DOTNET_ROOT_ON_HOST" "$ROOT/usr/share/dotnet" && mount -o remount,bind,ro "$ROOT/usr/share/dotnet"
ln -sf /usr/share/dotnet/dotnet "$ROOT/usr/bin/dotnet"
cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf"
# Certificate authorities the host's own network needs (a proxy's CA, as on many company machines) are part of the
# network, not of the project's set-up: the root trusts them as the host does.
if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$ROOT/usr/local/share/ca-certificates/"
  chroot "$ROOT" /usr/sbin/update-ca-certificates >/dev/null 2>&1 || die "update-ca-certificates failed in the root"
fi
CLONE=/root/probe-harness
git clone -q "$REPO" "$ROOT$CLONE"
log "root ready in $((SECONDS - started)) s: $ROOT (clone of $(git -C "$REPO" rev-parse --short HEAD))"

# A user's shell: HOME, PATH, a terminal type, and the variables that shape dotnet and NuGet on this machine.
environment=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin TERM=dumb LANG=C.UTF-8)
while IFS= read -r line; do environment+=("$line"); done < <(env | grep -E '^(DOTNET_|NUGET_|CI=|HARNESS_)' || true)

status=0
results=()
for command in "${COMMANDS[@]}"; do
  log "\$ $command"
  begun=$SECONDS
  code=0
  chroot "$ROOT" /usr/bin/env -i "${environment[@]}" /bin/bash -c "cd $CLONE && $command" || code=$?
  log "exit $code after $((SECONDS - begun)) s: $command"
  results+=("$(printf '%s\t%s\t%s' "$code" "$((SECONDS - begun))" "$command")")
  ((status != 0 || code == 0)) || status=$code
done

if [[ -n $OUT ]]; then
  mkdir -p "$OUT"
  if [[ -d $ROOT$CLONE/artifacts ]]; then cp -a "$ROOT$CLONE/artifacts/." "$OUT/"; fi
  # One line per command: exit code, seconds, command (tab-separated), for CI's summary.
  printf '%s\n' "${results[@]}" >"$OUT/commands.tsv"
  log "artifacts copied to $OUT"
fi
exit "$status"
