#!/usr/bin/env bash
# Stops the local cluster and removes every trace of it: its processes (daemons, containerd shims, pod processes),
# the mounts under its state directory (pod volumes, container root filesystems, network namespaces), the pod
# bridge, the kubepods cgroups, what the cluster added under the host paths of lib.sh's HOST_PATHS
# (/var/log/pods, /var/lib/kubelet, /run/containerd, /var/lib/cni…), and the kernel settings the kubelet changed.
# Then it checks that nothing is left and exits non-zero naming what is. Safe to run any time, any number of times.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# Stops recorded daemons together: SIGTERM to all, then SIGKILL to those still there after $1 seconds.
stop_components() {
  local grace=$1 name file pid pids=() deadline entry
  shift
  for name in "$@"; do
    file=$(pid_file "$name")
    [[ -f $file ]] || continue
    pid=$(cat "$file")
    if kill -TERM "$pid" 2>/dev/null; then pids+=("$pid:$name"); fi
    rm -f "$file"
  done
  deadline=$((SECONDS + grace))
  for entry in "${pids[@]+"${pids[@]}"}"; do
    pid=${entry%%:*} name=${entry#*:}
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$name (pid $pid) ignored SIGTERM for $grace s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    fi
    log "stopped $name (pid $pid)"
  done
}

# First what creates or restarts containers, so nothing comes back while the containers go.
stop_node_and_controllers() {
  stop_components 15 kubelet kube-scheduler kube-controller-manager
}

stop_control_plane() {
  stop_components 10 kube-apiserver etcd
}

# Kills and deletes every container through the cluster's own containerd, so the shims exit and unmount.
remove_containers() {
  component_running containerd || return 0
  local ctr=(ctr --address "$CONTAINERD_SOCKET" -n k8s.io) id
  for id in $("${ctr[@]}" tasks ls -q 2>/dev/null); do
    "${ctr[@]}" tasks kill -a -s SIGKILL "$id" >/dev/null 2>&1 || true
  done
  for id in $("${ctr[@]}" tasks ls -q 2>/dev/null); do
    "${ctr[@]}" tasks delete -f "$id" >/dev/null 2>&1 || true
  done
  for id in $("${ctr[@]}" containers ls -q 2>/dev/null); do
    "${ctr[@]}" containers delete "$id" >/dev/null 2>&1 || true
  done
}

# The cgroup directories the kubelet created for pods, deepest first, in every mounted hierarchy.
kubepods_cgroups() { cgroup_tree kubepods; }

# Kills what is still in the pod cgroups (only this cluster's pods live there), then removes the cgroups.
remove_cgroups() {
  local dir pids=()
  mapfile -t pids < <(kubepods_cgroups | sed 's|$|/cgroup.procs|' | xargs -r cat 2>/dev/null | sort -u || true)
  if ((${#pids[@]} > 0)); then
    log "killing leftover pod processes: ${pids[*]}"
    kill -KILL "${pids[@]}" 2>/dev/null || true
    sleep 0.5
  fi
  for dir in $(kubepods_cgroups); do
    rmdir "$dir" 2>/dev/null || true
  done
}

# Shims that outlived containerd: containerd recorded their pids in its state directory.
kill_leftover_shims() {
  local file pid
  [[ -d $CONTAINERD_DIR/state ]] || return 0
  while read -r file; do
    pid=$(cat "$file" 2>/dev/null || true)
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null && log "killed shim pid $pid"
  done < <(find "$CONTAINERD_DIR/state" -name shim.pid 2>/dev/null)
  return 0
}

unmount_state() {
  local target
  [[ -d $STATE_DIR ]] || return 0
  # Deepest first; a busy mount is detached lazily so that the directory can still go.
  while read -r target; do
    umount "$target" 2>/dev/null || umount -l "$target" 2>/dev/null || log "cannot unmount $target"
  done < <(findmnt -rn -o TARGET | grep -F "$STATE_DIR" | awk '{ print length, $0 }' | sort -rn | cut -d' ' -f2-)
  return 0
}

remove_network() {
  local link
  for link in $(ip -o link show master "$BRIDGE_NAME" 2>/dev/null | awk -F': ' '{ print $2 }' | cut -d@ -f1); do
    ip link delete "$link" 2>/dev/null || true
  done
  if ip link show "$BRIDGE_NAME" >/dev/null 2>&1; then
    ip link delete "$BRIDGE_NAME"
    log "removed bridge $BRIDGE_NAME"
  fi
}

REMOVED_HOST_PATHS=()

# Puts back the kernel settings and removes what the kubelet added outside the state directory.
restore_host() {
  [[ -f $TRACE_FILE ]] || return 0
  local kind name value path list
  while read -r kind name value; do
    case $kind in
      sysctl)
        [[ $(sysctl -n "$name") == "$value" ]] || { sysctl -qw "$name=$value" && log "restored $name=$value"; }
        ;;
      absent)
        rm -rf "$name"
        REMOVED_HOST_PATHS+=("$name")
        ;;
      existed)
        path=$name list=$value
        # Deepest first, and only what was not there when the cluster started.
        find "$path" -depth 2>/dev/null | grep -vxF -f "$list" | while read -r entry; do rm -rf "$entry"; done || true
        ;;
    esac
  done <"$TRACE_FILE"
}

# The cluster's own processes are gone by now: their cgroup goes too (what is still in it, a shim, is killed first).
remove_system_cgroup() {
  local dir pid
  dir=$(system_cgroup_dir)
  [[ -n $dir && -d $dir ]] || return 0
  for pid in $(cat "$dir/cgroup.procs" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
  for _ in $(seq 50); do rmdir "$dir" 2>/dev/null && return 0; sleep 0.1; done
  log "could not remove $dir: $(wc -l <"$dir/cgroup.procs") process(es) left in it"
}

# Lists anything of the cluster that is still there; returns non-zero if something is.
leftovers() {
  local found=0 pid path
  for pid in /proc/[0-9]*; do
    if tr '\0' ' ' 2>/dev/null <"$pid/cmdline" | grep -qF "$STATE_DIR"; then
      echo "process ${pid#/proc/}: $(tr '\0' ' ' 2>/dev/null <"$pid/cmdline" | cut -c1-120)"
      found=1
    fi
  done
  findmnt -rn -o TARGET | grep -F "$STATE_DIR" | sed 's/^/mount /' && found=1
  ip link show "$BRIDGE_NAME" >/dev/null 2>&1 && echo "link $BRIDGE_NAME" && found=1
  kubepods_cgroups | sed 's/^/cgroup /' | grep . && found=1
  [[ -n $(system_cgroup_dir) && -d $(system_cgroup_dir) ]] && echo "cgroup $(system_cgroup_dir)" && found=1
  [[ -e $STATE_DIR ]] && echo "directory $STATE_DIR" && found=1
  for path in "${REMOVED_HOST_PATHS[@]+"${REMOVED_HOST_PATHS[@]}"}"; do
    [[ -e $path ]] && echo "path $path" && found=1
  done
  return $found
}

main() {
  local started=$EPOCHREALTIME left
  require_root_on_linux
  if [[ -d $PID_DIR ]]; then
    step "stop kubelet, scheduler, controller manager" stop_node_and_controllers
    step "kill and delete containers" remove_containers
    step "stop containerd" stop_components 10 containerd
    kill_leftover_shims
    step "stop kube-apiserver and etcd" stop_control_plane
  fi
  step "remove pod cgroups" remove_cgroups
  step "remove the system cgroup" remove_system_cgroup
  step "unmount state directory" unmount_state
  step "remove pod network" remove_network
  step "restore host settings" restore_host
  rm -rf "$STATE_DIR"
  rmdir "$(dirname "$STATE_DIR")" 2>/dev/null || true
  if left=$(leftovers); then
    log "cluster stopped in $(elapsed_since "$started") s; nothing left"
  else
    printf '%s\n' "$left" >&2
    die "these traces of the cluster are still there"
  fi
}

main "$@"
