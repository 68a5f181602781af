#!/usr/bin/env bash
# A Docker engine for a machine whose own Docker (if any) is too old: Debian trixie's docker.io (26.x, API 1.45) run
# from a debootstrap root, on a private socket, with its own data root. Testcontainers 4.16 needs API 1.44, and
# bookworm's 20.10 cannot start privileged containers here (../../shared/reference/docker-on-our-machines.md).
#
#   sudo local-cluster/docker-engine.sh up              # build the root (cached), start dockerd, print the exports
#   sudo local-cluster/docker-engine.sh down            # stop it, restore the host, check and name anything left
#   sudo local-cluster/docker-engine.sh run -- CMD...   # CMD with the engine up and DOCKER_HOST set; always down after
#   sudo local-cluster/docker-engine.sh docker ARGS...  # the engine's own docker CLI (e.g. ps -a, images)
#   sudo local-cluster/docker-engine.sh root            # only build (or check) the cached root; starts nothing
#
# dockerd runs in a private mount namespace (unshare -m) whose root is the engine's root (pivot_root): /proc, /sys,
# /dev, a tmpfs /run and the data root are mounted there only, so no mount of it can outlive the engine. What it changes in the shared host state — the docker0
# link, iptables chains, rules and the FORWARD policy, net.ipv4.ip_forward and the bridge-netfilter sysctls, its
# cgroups — is recorded before it starts and put back by `down`. `up` runs `down` itself when it fails or is
# interrupted. Idempotent: `up` on a running engine only prints the exports; `down` can run any number of times.
set -euo pipefail
shopt -s extglob
source "$(dirname "$0")/lib.sh"

ENGINE_SUITE=trixie
# What the root holds besides minbase; the cache key. docker-cli is only recommended by docker.io (`docker-engine.sh
# docker` uses it); nftables gives `nft`, to remove the tables the engine created.
ENGINE_PACKAGES=(ca-certificates docker.io docker-cli nftables)
# Raised whenever the way the root is made changes, so that a cached root is rebuilt.
ENGINE_ROOT_REVISION=1
ENGINE_ROOT=$CACHE_ROOT/docker-root
ENGINE_KEY_FILE=$CACHE_ROOT/docker-root.key
# Images and build cache survive `down` (the base images are built once); `down --purge` removes them.
ENGINE_DATA=${PROBE_DOCKER_DATA:-$CACHE_ROOT/docker-data}
ENGINE_STATE=${PROBE_DOCKER_STATE:-/run/probe-harness-docker}
ENGINE_SOCKET=$ENGINE_STATE/docker.sock
ENGINE_PID_FILE=$ENGINE_STATE/dockerd.pid
ENGINE_HOST_FILE=$ENGINE_STATE/host-state.env
ENGINE_LOG=${PROBE_DOCKER_LOG:-$CACHE_ROOT/dockerd.log}
ENGINE_READY_TIMEOUT=${PROBE_DOCKER_READY_TIMEOUT:-60}
# Inside the root, the state directory is always here (the host's is bound onto it).
ENGINE_STATE_IN_ROOT=/run/probe-harness-docker
ENGINE_BRIDGE=docker0
ENGINE_SYSCTLS=(net.ipv4.ip_forward net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-ip6tables net.bridge.bridge-nf-call-arptables)
ENGINE_TABLES=(filter nat mangle raw)
CLEAN_ENV=(env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8)

usage() { sed -n '6,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

engine_key() {
  printf '%s\n' "$ENGINE_SUITE" minbase "${ENGINE_PACKAGES[@]}" "revision $ENGINE_ROOT_REVISION" | sha256sum | cut -c1-16
}

root_is_current() {
  [[ -x $ENGINE_ROOT/usr/sbin/dockerd && -f $ENGINE_KEY_FILE && $(cat "$ENGINE_KEY_FILE") == "$(engine_key)" ]]
}

# The machine's own Debian mirror (deb822 or one-line sources), as scripts/pristine-root.sh finds it.
mirror() {
  local uri
  uri=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [[ -n $uri ]] || uri=$(awk '$1 == "deb" && $2 !~ /^\[/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

ensure_debootstrap() {
  command -v debootstrap >/dev/null && return
  log "installing debootstrap"
  apt-get update -q >/dev/null || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends debootstrap \
    >/dev/null || die "apt-get install debootstrap failed"
}

BUILD_DIR=
# A half-built root never becomes the cached one: it is built beside it and renamed when complete.
discard_build() {
  [[ -n $BUILD_DIR && -d $BUILD_DIR ]] || return 0
  rm -rf --one-file-system "$BUILD_DIR"
}

debootstrap_root() {
  ensure_debootstrap
  BUILD_DIR=$ENGINE_ROOT.build.$$
  trap 'discard_build' EXIT
  rm -rf --one-file-system "$ENGINE_ROOT".build.*
  log "debootstrap $ENGINE_SUITE minbase from $(mirror) into $BUILD_DIR"
  debootstrap --variant=minbase --include=ca-certificates "$ENGINE_SUITE" "$BUILD_DIR" "$(mirror)" \
    >"$CACHE_ROOT/docker-root.debootstrap.log" 2>&1 \
    || die "debootstrap failed; see $CACHE_ROOT/docker-root.debootstrap.log"
}

install_engine_packages() {
  # No service may start inside the root on install; dockerd is started by this script only.
  printf '#!/bin/sh\nexit 101\n' >"$BUILD_DIR/usr/sbin/policy-rc.d"
  chmod 755 "$BUILD_DIR/usr/sbin/policy-rc.d"
  # apt runs in a private mount namespace with /proc and /dev: nothing stays mounted if it fails.
  unshare -m --propagation private sh -ec '
    root=$1; shift
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    chroot "$root" "$@"' sh "$BUILD_DIR" "${CLEAN_ENV[@]}" DEBIAN_FRONTEND=noninteractive sh -ec "
      apt-get update -q
      apt-get install -y -q --no-install-recommends ${ENGINE_PACKAGES[*]}
      apt-get clean
      rm -rf /var/lib/apt/lists/*" >"$CACHE_ROOT/docker-root.apt.log" 2>&1 \
    || die "installing ${ENGINE_PACKAGES[*]} in the root failed; see $CACHE_ROOT/docker-root.apt.log"
  log "$(chroot "$BUILD_DIR" dockerd --version)"
}

commit_root() {
  rm -rf --one-file-system "$ENGINE_ROOT"
  mv "$BUILD_DIR" "$ENGINE_ROOT"
  BUILD_DIR=
  engine_key >"$ENGINE_KEY_FILE"
  log "root ready: $ENGINE_ROOT ($(du -sh "$ENGINE_ROOT" | cut -f1))"
}

ensure_root() {
  if root_is_current; then
    log "cached root $ENGINE_ROOT (key $(engine_key), $(chroot "$ENGINE_ROOT" dockerd --version))"
    return
  fi
  engine_running && die "the engine runs from an outdated root; run '$0 down' first"
  mkdir -p "$CACHE_ROOT"
  step "debootstrap $ENGINE_SUITE root" debootstrap_root
  step "install ${ENGINE_PACKAGES[*]} into the root" install_engine_packages
  commit_root
}

engine_pid() { [[ -f $ENGINE_PID_FILE ]] && cat "$ENGINE_PID_FILE"; }

engine_running() {
  local pid
  pid=$(engine_pid 2>/dev/null) && [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null
}

engine_answers() {
  [[ -S $ENGINE_SOCKET ]] && [[ $(curl -s --max-time 3 --unix-socket "$ENGINE_SOCKET" http://docker/_ping 2>/dev/null) == OK ]]
}

# iptables and nft of the root: the host may have none, and these are the ones dockerd itself uses.
root_iptables() { chroot "$ENGINE_ROOT" "${CLEAN_ENV[@]}" iptables "$@"; }
root_ip6tables() { chroot "$ENGINE_ROOT" "${CLEAN_ENV[@]}" ip6tables "$@"; }
root_nft() { chroot "$ENGINE_ROOT" "${CLEAN_ENV[@]}" nft "$@"; }

# The docker cgroups in every mounted hierarchy, deepest first (dockerd's default cgroup parent is /docker).
docker_cgroups() { cgroup_tree docker; }

# Records, once, what the engine is about to change on the host, for `down`.
record_host_state() {
  [[ -f $ENGINE_HOST_FILE ]] && return
  mkdir -p "$ENGINE_STATE"
  local name table
  {
    for name in "${ENGINE_SYSCTLS[@]}"; do
      if [[ -e /proc/sys/${name//.//} ]]; then printf 'sysctl %s %s\n' "$name" "$(sysctl -n "$name")"; fi
    done
    printf 'policy FORWARD %s\n' "$(root_iptables -S FORWARD | awk '$1 == "-P" { print $3 }')"
    ip link show "$ENGINE_BRIDGE" >/dev/null 2>&1 && printf 'link %s\n' "$ENGINE_BRIDGE"
    for table in "${ENGINE_TABLES[@]}"; do
      root_iptables -t "$table" -S 2>/dev/null | sed "s/^/rule4 $table /"
      root_ip6tables -t "$table" -S 2>/dev/null | sed "s/^/rule6 $table /"
    done
    root_nft list tables 2>/dev/null | sed 's/^table /nfttable /'
    docker_cgroups | sed 's/^/cgroup /'
  } >"$ENGINE_HOST_FILE.tmp"
  mv "$ENGINE_HOST_FILE.tmp" "$ENGINE_HOST_FILE"
}

start_dockerd() {
  mkdir -p "$ENGINE_STATE" "$ENGINE_DATA" "$(dirname "$ENGINE_LOG")"
  rm -f "$ENGINE_SOCKET"
  # setsid: the engine is not in this shell's process group, so a Ctrl+C reaches it only through `down`.
  # unshare without --fork and `exec` all the way: the recorded pid is dockerd's own.
  setsid unshare -m --propagation private sh -ec '
    root=$1 data=$2 state=$3 state_in_root=$4; shift 4
    mount --bind "$root" "$root"                      # docker import/load need the root to be a mount point
    mount -t proc proc "$root/proc"
    mount --rbind /sys "$root/sys"                    # the host cgroup hierarchies
    mount --rbind /dev "$root/dev"
    mount -t tmpfs -o mode=755 tmpfs "$root/run"      # exec root, containerd and shim sockets: gone with the engine
    mkdir -p "$root$state_in_root" "$root/var/lib/docker"
    mount --bind "$state" "$root$state_in_root"       # the socket, reachable from the host
    mount --bind "$data" "$root/var/lib/docker"
    # pivot_root, not chroot: a process joining a container (docker exec, runc exec) gets the root of the mount
    # namespace it enters, and under a chroot that would still be the host'"'"'s / (exec would run on the host'"'"'s files).
    cd "$root"
    pivot_root . mnt
    umount -l /mnt
    exec "$@"' sh "$ENGINE_ROOT" "$ENGINE_DATA" "$ENGINE_STATE" "$ENGINE_STATE_IN_ROOT" \
    "${CLEAN_ENV[@]}" dockerd -H "unix://$ENGINE_STATE_IN_ROOT/docker.sock" --data-root /var/lib/docker \
    --exec-root /run/docker --pidfile /run/docker.pid \
    </dev/null >"$ENGINE_LOG" 2>&1 &
  echo $! >"$ENGINE_PID_FILE"
  log "dockerd started (pid $!, log $ENGINE_LOG)"
}

# The engine's mount namespace, recorded once dockerd runs in it: its containerd and shims share it.
record_namespace() {
  readlink "/proc/$(engine_pid)/ns/mnt" >"$ENGINE_STATE/mount-namespace"
}

wait_until_ready() {
  local deadline=$((SECONDS + ENGINE_READY_TIMEOUT))
  until engine_answers; do
    engine_running || { tail -n 20 "$ENGINE_LOG" >&2; die "dockerd exited while starting; see $ENGINE_LOG"; }
    ((SECONDS < deadline)) || { tail -n 20 "$ENGINE_LOG" >&2; die "dockerd did not answer on $ENGINE_SOCKET within $ENGINE_READY_TIMEOUT s"; }
    sleep 0.2
  done
  log "$(curl -s --unix-socket "$ENGINE_SOCKET" http://docker/version | jq -r '"Docker \(.Version), API \(.ApiVersion)"'), $(curl -s --unix-socket "$ENGINE_SOCKET" http://docker/info | jq -r '"storage \(.Driver), cgroup v\(.CgroupVersion) (\(.CgroupDriver))"')"
}

print_exports() {
  printf 'export DOCKER_HOST=unix://%s\n' "$ENGINE_SOCKET"
}

up() {
  require_root_on_linux
  require_commands curl:curl jq:jq unshare:util-linux chroot:coreutils ip:iproute2
  ensure_root
  if engine_running && engine_answers; then
    log "engine already up (pid $(engine_pid))"
    print_exports
    return
  fi
  # Whatever happens from here on, a failed or interrupted start leaves nothing behind.
  trap 'log "start failed or interrupted: taking the engine down"; down_quietly' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  engine_running && down
  step "record host state" record_host_state
  step "start dockerd" start_dockerd
  step "wait for dockerd" wait_until_ready
  record_namespace
  trap - EXIT INT TERM
  print_exports
}

# Stops dockerd: SIGTERM (it stops its containers, up to 15 s each, and its containerd), SIGKILL after $1 s.
stop_dockerd() {
  local grace=$1 pid
  pid=$(engine_pid 2>/dev/null) || return 0
  rm -f "$ENGINE_PID_FILE"
  [[ -n $pid ]] && kill -TERM "$pid" 2>/dev/null || return 0
  local deadline=$((SECONDS + grace))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    log "dockerd (pid $pid) still there after $grace s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  log "stopped dockerd (pid $pid)"
}

# Processes left of the engine: dockerd, its containerd and shims share its mount namespace (or, started by hand, run
# chrooted in the root); the container processes sit in the cgroups it created.
engine_processes() {
  local dir pid namespace=
  [[ -f $ENGINE_STATE/mount-namespace ]] && namespace=$(cat "$ENGINE_STATE/mount-namespace")
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [[ $pid == "$$" || $pid == "$BASHPID" ]] && continue
    if [[ -n $namespace && $(readlink "$dir/ns/mnt" 2>/dev/null) == "$namespace" ]] ||
       [[ $(readlink "$dir/root" 2>/dev/null) == "$ENGINE_ROOT"?(/*) ]]; then
      echo "$pid"
    fi
  done
  new_docker_cgroups | sed 's|$|/cgroup.procs|' | xargs -r cat 2>/dev/null || true
}

# The docker cgroups that were not there before `up` (none without a record: they would be another engine's).
new_docker_cgroups() {
  [[ -f $ENGINE_HOST_FILE ]] || return 0
  local dir
  for dir in $(docker_cgroups); do
    recorded cgroup | grep -qxF "$dir" || echo "$dir"
  done
}

kill_leftover_processes() {
  local pids
  mapfile -t pids < <(engine_processes | sort -un)
  ((${#pids[@]} == 0)) && return 0
  log "killing leftover engine processes: ${pids[*]}"
  kill -KILL "${pids[@]}" 2>/dev/null || true
  sleep 0.5
}

# Recorded at `up`: "kind name value" lines.
recorded() { [[ -f $ENGINE_HOST_FILE ]] && awk -v k="$1" '$1 == k { $1 = ""; sub(/^ /, ""); print }' "$ENGINE_HOST_FILE"; }

remove_docker_cgroups() {
  local dir
  for dir in $(new_docker_cgroups); do
    rmdir "$dir" 2>/dev/null || log "cannot remove cgroup $dir"
  done
}

remove_bridge() {
  recorded link | grep -qxF "$ENGINE_BRIDGE" && return 0
  if ip link show "$ENGINE_BRIDGE" >/dev/null 2>&1; then
    ip link delete "$ENGINE_BRIDGE"
    log "removed link $ENGINE_BRIDGE"
  fi
}

# Deletes the rules and chains the engine added (those not recorded at `up`), in every table, IPv4 and IPv6.
remove_iptables_changes() {
  local family=$1 tool=$2 table rule chain
  for table in "${ENGINE_TABLES[@]}"; do
    # Rules first (jumps into the chains), then the chains' own contents and the chains.
    while read -r rule; do
      recorded "rule$family" | grep -qxF "$table $rule" && continue
      # shellcheck disable=SC2086  # a rule is a list of words, as iptables -S prints it
      "$tool" -t "$table" -D ${rule#-A } 2>/dev/null && log "removed ${tool#root_} -t $table $rule"
    done < <("$tool" -t "$table" -S 2>/dev/null | grep '^-A ' | grep -E 'DOCKER|docker0|172\.17\.' || true)
    while read -r chain; do
      recorded "rule$family" | grep -qxF "$table -N $chain" && continue
      "$tool" -t "$table" -F "$chain" 2>/dev/null || true
    done < <("$tool" -t "$table" -S 2>/dev/null | awk '$1 == "-N" && $2 ~ /^DOCKER/ { print $2 }' || true)
    while read -r chain; do
      recorded "rule$family" | grep -qxF "$table -N $chain" && continue
      "$tool" -t "$table" -X "$chain" 2>/dev/null && log "removed ${tool#root_} -t $table chain $chain"
    done < <("$tool" -t "$table" -S 2>/dev/null | awk '$1 == "-N" && $2 ~ /^DOCKER/ { print $2 }' || true)
  done
}

restore_forward_policy() {
  local before now
  before=$(recorded policy | awk '$1 == "FORWARD" { print $2 }')
  [[ -n $before ]] || return 0
  now=$(root_iptables -S FORWARD | awk '$1 == "-P" { print $3 }')
  [[ $now == "$before" ]] || { root_iptables -P FORWARD "$before" && log "restored FORWARD policy $before (was $now)"; }
}

# nftables tables the engine's iptables-nft created: removed when they did not exist before and hold no rule now.
remove_nft_tables() {
  local table
  while read -r table; do
    recorded nfttable | grep -qxF "$table" && continue
    # shellcheck disable=SC2086  # "family name"
    if ! root_nft list table $table 2>/dev/null | grep -qvE '^[[:space:]]*(table |chain |type |\}|$)'; then
      # shellcheck disable=SC2086  # "family name"
      root_nft delete table $table && log "removed nft table $table (created by the engine, now empty)"
    fi
  done < <(root_nft list tables 2>/dev/null | sed 's/^table //' || true)
}

restore_sysctls() {
  local name value now
  while read -r name value; do
    [[ -e /proc/sys/${name//.//} ]] || continue
    now=$(sysctl -n "$name")
    [[ $now == "$value" ]] || { sysctl -qw "$name=$value" && log "restored $name=$value (was $now)"; }
  done < <(recorded sysctl)
}

restore_host() {
  # Without the record of `up` nothing here is known to be the engine's (it could be another Docker's): leave it.
  if [[ ! -f $ENGINE_HOST_FILE ]]; then
    log "no record of an engine start ($ENGINE_HOST_FILE): nothing to restore"
    return
  fi
  remove_bridge
  if [[ -x $ENGINE_ROOT/usr/sbin/iptables ]]; then
    remove_iptables_changes 4 root_iptables
    remove_iptables_changes 6 root_ip6tables
    restore_forward_policy
    remove_nft_tables
  fi
  restore_sysctls
  remove_docker_cgroups
}

# Names anything of the engine that is still there; returns non-zero if something is.
engine_leftovers() {
  local found=0 table
  engine_processes | sort -un | sed 's/^/process /' | grep . && found=1
  grep -F -e "$ENGINE_ROOT" -e "$ENGINE_DATA" /proc/self/mountinfo | awk '{ print "mount " $5 }' | grep . && found=1
  [[ -S $ENGINE_SOCKET ]] && echo "socket $ENGINE_SOCKET" && found=1
  # The host's shared state is checked against the record of `up`; without one there is nothing to compare with.
  [[ -f $ENGINE_HOST_FILE ]] || return $found
  if ! recorded link | grep -qxF "$ENGINE_BRIDGE" && ip link show "$ENGINE_BRIDGE" >/dev/null 2>&1; then
    echo "link $ENGINE_BRIDGE"; found=1
  fi
  if [[ -x $ENGINE_ROOT/usr/sbin/iptables ]]; then
    for table in "${ENGINE_TABLES[@]}"; do
      root_iptables -t "$table" -S 2>/dev/null | grep -E 'DOCKER|docker0|172\.17\.' | while read -r rule; do
        recorded rule4 | grep -qxF "$table $rule" || echo "iptables -t $table $rule"
      done | grep . && found=1
      root_ip6tables -t "$table" -S 2>/dev/null | grep -E 'DOCKER|docker0' | while read -r rule; do
        recorded rule6 | grep -qxF "$table $rule" || echo "ip6tables -t $table $rule"
      done | grep . && found=1
    done
    local before now
    before=$(recorded policy | awk '$1 == "FORWARD" { print $2 }')
    now=$(root_iptables -S FORWARD | awk '$1 == "-P" { print $3 }')
    [[ $now == "$before" ]] || { echo "FORWARD policy $now (was $before)"; found=1; }
  fi
  local name value
  while read -r name value; do
    [[ $(sysctl -n "$name" 2>/dev/null) == "$value" ]] || { echo "sysctl $name=$(sysctl -n "$name") (was $value)"; found=1; }
  done < <(recorded sysctl)
  new_docker_cgroups | sed 's/^/cgroup /' | grep . && found=1
  return $found
}

down() {
  local started=$EPOCHREALTIME left
  require_root_on_linux
  step "stop dockerd" stop_dockerd 30
  step "kill leftover engine processes" kill_leftover_processes
  step "restore host state" restore_host
  if left=$(engine_leftovers); then
    rm -rf "$ENGINE_STATE"
    log "engine down in $(elapsed_since "$started") s; nothing left"
  else
    printf '%s\n' "$left" >&2
    die "these traces of the engine are still there (the record of the host state is kept: $ENGINE_HOST_FILE)"
  fi
}

down_quietly() { down || true; }

# The engine's own docker CLI, run inside dockerd's mount namespace (whose root is the engine's); stdin and stdout pass through.
engine_docker() {
  engine_running || die "the engine is not up; run '$0 up' first"
  nsenter --mount="/proc/$(engine_pid)/ns/mnt" "${CLEAN_ENV[@]}" \
    DOCKER_HOST="unix://$ENGINE_STATE_IN_ROOT/docker.sock" docker "$@"
}

run_with_engine() {
  [[ ${1:-} == -- ]] && shift
  (($# > 0)) || usage
  # The trap goes first, so an interrupt during `up` is covered too.
  trap 'code=$?; trap - EXIT INT TERM; down || code=1; exit $code' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  local exports
  exports=$(up)
  eval "$exports"
  export DOCKER_HOST
  log "running: $*"
  local started=$EPOCHREALTIME code=0
  "$@" || code=$?
  log "command exited $code after $(elapsed_since "$started") s"
  return $code
}

main() {
  local command=${1:-}
  shift || true
  case $command in
    up) up ;;
    down)
      down
      if [[ ${1:-} == --purge ]]; then rm -rf --one-file-system "$ENGINE_DATA" && log "removed $ENGINE_DATA"; fi
      ;;
    run) require_root_on_linux; run_with_engine "$@" ;;
    docker) engine_docker "$@" ;;
    root) require_root_on_linux; ensure_root ;;
    *) usage ;;
  esac
}

main "$@"
