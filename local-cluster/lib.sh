# shellcheck shell=bash disable=SC2034  # sourced: the variables are used by the scripts that source it
# Shared settings and functions of the local-cluster scripts. Sourced by them, never run on its own.
# Every path can be moved with an environment variable so that two checkouts can keep separate caches and states.

LOCAL_CLUSTER_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$LOCAL_CLUSTER_DIR/.." && pwd)

# Debian bookworm's kubernetes source package: the full upstream v1.20.2 tree, vendor/ included.
K8S_SOURCE_PACKAGE=kubernetes
K8S_SOURCE_VERSION=${PROBE_CLUSTER_K8S_SOURCE_VERSION:-1.20.5+really1.20.2-1.1+deb12u1}
K8S_GIT_VERSION=v1.20.2
# Raised whenever build.sh changes how the binaries are made, so that cached ones are rebuilt.
K8S_BUILD_REVISION=2
K8S_COMPONENTS=(kube-apiserver kube-controller-manager kube-scheduler kubelet kubectl)

# Build results live outside the repository, keyed by the source package version, so a second build is a no-op.
CACHE_ROOT=${PROBE_CLUSTER_CACHE:-/var/cache/probe-harness}
K8S_CACHE=$CACHE_ROOT/k8s-$K8S_SOURCE_VERSION
K8S_BIN=$K8S_CACHE/bin
IMAGE_CACHE=$CACHE_ROOT/images
PAUSE_IMAGE=docker.io/probe-harness/pause:local
PAUSE_ARCHIVE=$IMAGE_CACHE/pause.oci.tar
TARGET_IMAGE=docker.io/probe-harness/target-app:dev
TARGET_ARCHIVE=$IMAGE_CACHE/target-app.oci.tar
# The example of a user's own service (examples/own-app), the image examples/own-app/deploy/own-app.yaml names.
OWN_APP_IMAGE=docker.io/example/own-app:dev
OWN_APP_ARCHIVE=$IMAGE_CACHE/own-app.oci.tar

# Everything a running cluster owns. stop.sh removes it, together with the few paths the kubelet insists on.
STATE_DIR=${PROBE_CLUSTER_STATE:-/var/lib/probe-harness/cluster}
LOG_DIR=$STATE_DIR/logs
PID_DIR=$STATE_DIR/run
PKI_DIR=$STATE_DIR/pki
KUBECONFIG_FILE=$STATE_DIR/kubeconfig
CONTAINERD_DIR=$STATE_DIR/containerd
CONTAINERD_SOCKET=$CONTAINERD_DIR/containerd.sock
KUBELET_DIR=$STATE_DIR/kubelet
CNI_DIR=$STATE_DIR/cni
TRACE_FILE=$STATE_DIR/host-traces.env

# Loopback ports; etcd avoids its default 2379 so a Debian etcd service can keep running beside it.
APISERVER_PORT=6443
ETCD_CLIENT_PORT=23790
ETCD_PEER_PORT=23800
KUBELET_PORT=10250
# Pod addresses: only pods this cluster creates live there, behind a bridge without masquerade or default route.
POD_SUBNET=10.244.77.0/24
POD_GATEWAY=10.244.77.1
SERVICE_CIDR=10.96.0.0/16
BRIDGE_NAME=phbr0
NODE_NAME=localhost

# Written outside the state directory whatever the flags say: the kubelet's pod logs and device-plugin socket
# directory, containerd 1.6's shim sockets (/run/containerd/s) and libcni's result cache, plus the default flex
# volume directory as a safety net. stop.sh removes what the cluster added under them.
HOST_PATHS=(/var/log/pods /var/log/containers /var/lib/kubelet /run/containerd /var/lib/cni /usr/libexec/kubernetes)
# Kernel settings the kubelet (and the bridge plugin) change; start.sh records them and stop.sh restores them.
HOST_SYSCTLS=(vm.overcommit_memory kernel.panic kernel.panic_on_oops net.ipv4.ip_forward)

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

die() {
  printf '[%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2
  exit 1
}

# Runs "$@" (a `dotnet test` of the steps) while printing the harness's live progress lines as they come ("waiting
# for restart of pod 1, 12 s of 35 s"): dotnet test shows a test's output only when the test ends. Returns "$@"'s code.
with_live_progress() {
  local progress=${HARNESS_PROGRESS_LOG:-$REPO_ROOT/artifacts/progress.log} code=0 follower
  mkdir -p "$(dirname "$progress")" && : >"$progress"
  tail -n +1 -F "$progress" 2>/dev/null &
  follower=$!
  "$@" || code=$?
  # tail polls the file about once a second: give it one more read, so the run's last lines are printed before it stops.
  sleep 1
  kill "$follower" 2>/dev/null || true
  wait "$follower" 2>/dev/null || true
  return "$code"
}

# Runs "$@" as one named step and logs how long it took.
step() {
  local name=$1 started=$EPOCHREALTIME
  shift
  log "==> $name"
  "$@"
  log "<== $name ($(elapsed_since "$started") s)"
}

# Seconds since an $EPOCHREALTIME value, one decimal.
elapsed_since() {
  awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'
}

require_root_on_linux() {
  [[ $(uname -s) == Linux ]] || die "the local cluster needs Linux (this is $(uname -s))"
  [[ $EUID -eq 0 ]] || die "the local cluster needs root (it runs a kubelet, containerd and network namespaces); run with sudo"
}

# Dies naming every missing command and the Debian package that provides it ("command:package" pairs).
require_commands() {
  local pair missing=()
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair%%:*} (Debian package ${pair#*:})")
  done
  ((${#missing[@]} == 0)) || die "missing: ${missing[*]}; run local-cluster/build.sh, which installs them"
}

require_built() {
  local component
  for component in "${K8S_COMPONENTS[@]}"; do
    [[ -x $K8S_BIN/$component ]] || die "$K8S_BIN/$component is missing; run local-cluster/build.sh first"
  done
  [[ -f $PAUSE_ARCHIVE && -f $TARGET_ARCHIVE ]] || die "images missing under $IMAGE_CACHE; run local-cluster/build.sh first"
}

pid_file() { printf '%s/%s.pid' "$PID_DIR" "$1"; }

# True when the component's recorded process is still alive.
component_running() {
  local file
  file=$(pid_file "$1")
  [[ -f $file ]] && kill -0 "$(cat "$file")" 2>/dev/null
}

# The bearer token of the cluster admin (system:masters), created by start.sh.
admin_token() { cut -d, -f1 "$PKI_DIR/tokens.csv"; }

# curl against the API server with the admin token; extra arguments are passed through.
api() {
  local path=$1
  shift
  curl -sS --fail --max-time 10 --cacert "$PKI_DIR/ca.crt" -H "Authorization: Bearer $(admin_token)" \
    "$@" "https://127.0.0.1:$APISERVER_PORT$path"
}

# The cgroup (cgroup v1 cpu hierarchy) the cluster's own processes run in, as a node's system.slice holds its daemons:
# one group of weight 1024 beside kubepods (2048, the node's allocatable CPU). Left in the root cgroup, every busy thread
# of the API server, etcd and the kubelet would weigh as much as all pods together. Measured with 8 scenarios at once,
# the apps' start-to-listening times did not change (median 0.4–0.6 s); the grouping is kept because it is how a node
# shares its CPU.
SYSTEM_CGROUP_NAME=probe-harness-system
system_cgroup_dir() { [[ -d /sys/fs/cgroup/cpu && ! -L /sys/fs/cgroup/cpu ]] && echo "/sys/fs/cgroup/cpu/$SYSTEM_CGROUP_NAME" || { [[ -d /sys/fs/cgroup/cpu,cpuacct ]] && echo "/sys/fs/cgroup/cpu,cpuacct/$SYSTEM_CGROUP_NAME"; } || true; }

# The cgroup directories named $1 at the top of every mounted hierarchy (v1 controllers and the unified one) and
# everything below them, deepest first, so they can be removed in that order.
cgroup_tree() {
  local root
  for root in /sys/fs/cgroup/*/"$1" /sys/fs/cgroup/"$1"; do
    [[ -d $root ]] && find "$root" -depth -type d
  done
  return 0
}
