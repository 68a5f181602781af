#!/usr/bin/env bash
# Starts a one-node Kubernetes v1.20.2 cluster from the binaries build.sh made: etcd, an own containerd instance
# (own socket, root and state), kube-apiserver, kube-controller-manager, kube-scheduler and the kubelet, all in the
# background with their logs under $PROBE_CLUSTER_STATE/logs (default /var/lib/probe-harness/cluster/logs).
# Imports the pause and target-app images, waits until the node is Ready and prints the kubeconfig path.
# Running it again while the cluster is healthy only re-imports the images (build.sh may have rebuilt them); a
# half-started cluster is stopped and started again.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

READY_TIMEOUT_SECONDS=${PROBE_CLUSTER_READY_TIMEOUT:-180}

preflight() {
  require_root_on_linux
  require_commands containerd:containerd ctr:containerd runc:runc etcd:etcd-server openssl:openssl curl:curl \
    jq:jq ip:iproute2 findmnt:util-linux ss:iproute2
  [[ -x /usr/lib/cni/bridge && -x /usr/lib/cni/host-local && -x /usr/lib/cni/loopback ]] ||
    die "CNI plugins missing in /usr/lib/cni (Debian package containernetworking-plugins); run local-cluster/build.sh"
  require_built
  # Checked here, not in require_built (k3s-compat-image.sh needs only the others); a cache older than the
  # own-app image lacks just this archive, and build.sh adds it.
  [[ -f $OWN_APP_ARCHIVE ]] || die "$OWN_APP_ARCHIVE is missing; run local-cluster/build.sh first"
  [[ -d /sys/fs/cgroup/memory || -f /sys/fs/cgroup/cgroup.controllers ]] || die "no cgroup file system at /sys/fs/cgroup"
}

cluster_healthy() {
  local component
  for component in etcd containerd kube-apiserver kube-controller-manager kube-scheduler kubelet; do
    component_running "$component" || return 1
  done
  [[ -f $PKI_DIR/tokens.csv ]] && node_ready
}

node_ready() {
  [[ $(api "/api/v1/nodes/$NODE_NAME" 2>/dev/null |
    jq -r '.status.conditions[]? | select(.type == "Ready") | .status') == True ]]
}

ports_free() {
  local port busy=()
  for port in "$APISERVER_PORT" "$ETCD_CLIENT_PORT" "$ETCD_PEER_PORT" "$KUBELET_PORT" 10248; do
    ss -Hltn "sport = :$port" | grep -q . && busy+=("$port")
  done
  ((${#busy[@]} == 0)) || die "ports already in use on this machine: ${busy[*]} (another cluster?); stop it first"
  [[ ! -d /sys/fs/cgroup/memory/kubepods && ! -d /sys/fs/cgroup/kubepods ]] ||
    die "a kubepods cgroup exists: another kubelet runs here, or an earlier run was not stopped (local-cluster/stop.sh)"
}

# Records what this run is about to change on the host, once, so that stop.sh can put it back.
record_host_traces() {
  [[ -f $TRACE_FILE ]] && return
  mkdir -p "$STATE_DIR/host-traces"
  local name path list
  {
    for name in "${HOST_SYSCTLS[@]}"; do
      printf 'sysctl %s %s\n' "$name" "$(sysctl -n "$name")"
    done
    for path in "${HOST_PATHS[@]}"; do
      if [[ -e $path ]]; then
        list=$STATE_DIR/host-traces/$(echo "$path" | tr / _).list
        find "$path" >"$list"
        printf 'existed %s %s\n' "$path" "$list"
      else
        printf 'absent %s\n' "$path"
      fi
    done
  } >"$TRACE_FILE.tmp"
  mv "$TRACE_FILE.tmp" "$TRACE_FILE"
}

create_pki() {
  [[ -f $PKI_DIR/tokens.csv ]] && return
  mkdir -p "$PKI_DIR"
  chmod 700 "$PKI_DIR"
  (
    cd "$PKI_DIR"
    openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj /CN=probe-harness-local-ca \
      -keyout ca.key -out ca.crt 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -sha256 -subj /CN=kube-apiserver -keyout apiserver.key -out apiserver.csr 2>/dev/null
    printf '%s\n' "subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc" \
      'extendedKeyUsage=serverAuth' 'keyUsage=critical,digitalSignature,keyEncipherment' >apiserver.ext
    openssl x509 -req -sha256 -days 3650 -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial \
      -extfile apiserver.ext -out apiserver.crt 2>/dev/null
    openssl genrsa -out sa.key 2048 2>/dev/null
    openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
    # One static token in system:masters; the API server only listens on loopback and the cluster is thrown away.
    printf '%s,probe-harness-admin,probe-harness-admin,"system:masters"\n' "$(openssl rand -hex 32)" >tokens.csv
  )
}

write_kubeconfig() {
  umask 077
  cat >"$KUBECONFIG_FILE.tmp" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: probe-harness-local
  cluster:
    server: https://127.0.0.1:$APISERVER_PORT
    certificate-authority-data: $(base64 -w0 "$PKI_DIR/ca.crt")
users:
- name: probe-harness-admin
  user:
    token: $(admin_token)
contexts:
- name: probe-harness-local
  context:
    cluster: probe-harness-local
    user: probe-harness-admin
    namespace: default
current-context: probe-harness-local
EOF
  chmod 600 "$KUBECONFIG_FILE.tmp"
  mv "$KUBECONFIG_FILE.tmp" "$KUBECONFIG_FILE"
  umask 022
}

write_containerd_config() {
  mkdir -p "$CONTAINERD_DIR" "$CNI_DIR/net.d" "$CNI_DIR/ipam"
  cat >"$CONTAINERD_DIR/config.toml" <<EOF
# Own containerd instance of the local cluster: nothing under /var/lib/containerd or /run/containerd is used.
version = 2
root = "$CONTAINERD_DIR/root"
state = "$CONTAINERD_DIR/state"
disabled_plugins = ["io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs",
  "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.zfs", "io.containerd.tracing.processor.v1.otlp"]

[grpc]
  address = "$CONTAINERD_SOCKET"

[ttrpc]
  address = "$CONTAINERD_SOCKET.ttrpc"

[plugins."io.containerd.internal.v1.opt"]
  path = "$CONTAINERD_DIR/opt"

[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$PAUSE_IMAGE"
  # Mandatory on these machines: without it every sandbox fails with "can't get final child's PID from pipe: EOF".
  restrict_oom_score_adj = true
  netns_mounts_under_state_dir = true
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"
  enable_selinux = false

[plugins."io.containerd.grpc.v1.cri".containerd]
  snapshotter = "overlayfs"
  default_runtime_name = "runc"

[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
  runtime_type = "io.containerd.runc.v2"

[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
  SystemdCgroup = false
  BinaryName = "$(command -v runc)"
  Root = "$CONTAINERD_DIR/runc"

[plugins."io.containerd.grpc.v1.cri".cni]
  bin_dir = "/usr/lib/cni"
  conf_dir = "$CNI_DIR/net.d"
EOF
  # Pods get an address on a private bridge: no masquerade and no default route, so they reach only this host
  # and each other.
  cat >"$CNI_DIR/net.d/10-probe-harness.conflist" <<EOF
{
  "cniVersion": "0.4.0",
  "name": "probe-harness",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "$BRIDGE_NAME",
      "isGateway": true,
      "isDefaultGateway": false,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "ranges": [[{"subnet": "$POD_SUBNET", "gateway": "$POD_GATEWAY"}]],
        "dataDir": "$CNI_DIR/ipam"
      }
    }
  ]
}
EOF
}

# Starts a daemon in its own session with its output in $LOG_DIR/<name>.log and its pid in $PID_DIR/<name>.pid.
launch() {
  local name=$1
  shift
  if component_running "$name"; then
    log "$name already running (pid $(cat "$(pid_file "$name")"))"
    return
  fi
  setsid "$@" >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$name")"
  into_system_cgroup $!
  log "$name started (pid $!, log $LOG_DIR/$name.log)"
}

# Moves process $1 (and what it starts later) into the cluster's system cgroup (lib.sh says why); on a host without a
# cgroup v1 cpu hierarchy it stays where it is, and the first call says so.
into_system_cgroup() {
  local dir
  dir=$(system_cgroup_dir)
  if [[ -z $dir ]]; then
    [[ -n ${SYSTEM_CGROUP_SAID:-} ]] || log "no cgroup v1 cpu hierarchy: the cluster's processes stay in their cgroup"
    SYSTEM_CGROUP_SAID=1
    return 0
  fi
  if [[ ! -d $dir ]]; then
    mkdir "$dir" && echo 1024 >"$dir/cpu.shares" || die "could not create the cgroup $dir"
  fi
  echo "$1" >"$dir/cgroup.procs" 2>/dev/null || log "could not move pid $1 into $dir"
}

# Waits until "$@" succeeds, or dies after $1 seconds naming the component and the end of its log.
wait_for() {
  local seconds=$1 name=$2 deadline
  shift 2
  deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    component_running "$name" || { tail -n 20 "$LOG_DIR/$name.log" >&2; die "$name exited; see $LOG_DIR/$name.log"; }
    ((SECONDS < deadline)) || { tail -n 20 "$LOG_DIR/$name.log" >&2; die "$name not ready after $seconds s; see $LOG_DIR/$name.log"; }
    sleep 0.5
  done
}

start_etcd() {
  launch etcd etcd --name probe-harness --data-dir "$STATE_DIR/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_CLIENT_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_CLIENT_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "probe-harness=http://127.0.0.1:$ETCD_PEER_PORT" --listen-metrics-urls '' \
    --snapshot-count 10000 --log-level warn
  wait_for 60 etcd curl -sf "http://127.0.0.1:$ETCD_CLIENT_PORT/health"
}

start_containerd() {
  launch containerd containerd --config "$CONTAINERD_DIR/config.toml"
  wait_for 60 containerd ctr --address "$CONTAINERD_SOCKET" version
}

import_images() {
  local archive
  for archive in "$PAUSE_ARCHIVE" "$TARGET_ARCHIVE" "$OWN_APP_ARCHIVE"; do
    ctr --address "$CONTAINERD_SOCKET" -n k8s.io images import "$archive" >/dev/null ||
      die "ctr images import $archive failed"
  done
  ctr --address "$CONTAINERD_SOCKET" -n k8s.io images ls -q | grep -E 'probe-harness|example/own-app' | sed 's/^/  image /' >&2
}

start_apiserver() {
  launch kube-apiserver "$K8S_BIN/kube-apiserver" \
    --etcd-servers "http://127.0.0.1:$ETCD_CLIENT_PORT" \
    --bind-address 127.0.0.1 --secure-port "$APISERVER_PORT" --insecure-port 0 --advertise-address 127.0.0.1 \
    --tls-cert-file "$PKI_DIR/apiserver.crt" --tls-private-key-file "$PKI_DIR/apiserver.key" \
    --token-auth-file "$PKI_DIR/tokens.csv" --authorization-mode AlwaysAllow --anonymous-auth=false \
    --service-account-key-file "$PKI_DIR/sa.pub" --service-account-signing-key-file "$PKI_DIR/sa.key" \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-cluster-ip-range "$SERVICE_CIDR" --endpoint-reconciler-type none \
    --kubelet-preferred-address-types Hostname --allow-privileged=true --profiling=false --v=1
  wait_for 120 kube-apiserver api /readyz
}

start_controllers() {
  launch kube-controller-manager "$K8S_BIN/kube-controller-manager" --kubeconfig "$KUBECONFIG_FILE" \
    --leader-elect=false --port 0 --secure-port 0 --use-service-account-credentials=false \
    --flex-volume-plugin-dir "$STATE_DIR/controller-manager/volume-plugins" \
    --service-account-private-key-file "$PKI_DIR/sa.key" --root-ca-file "$PKI_DIR/ca.crt" --profiling=false --v=1
  launch kube-scheduler "$K8S_BIN/kube-scheduler" --kubeconfig "$KUBECONFIG_FILE" \
    --leader-elect=false --port 0 --secure-port 0 --profiling=false --v=1
}

start_kubelet() {
  local extra=()
  read -ra extra <<<"${PROBE_CLUSTER_KUBELET_FLAGS:-}"
  mkdir -p "$KUBELET_DIR"
  # Image garbage collection is off (threshold 100 %): no image could be pulled back. Evictions only on a full disk.
  # The cluster DNS address only silences a warning event per pod: no DNS server runs, and pods have no route to it.
  # Log verbosity: the timing check (docs/reliability.md) reads this log. --v=2 has the probe failures (prober.go, V(1))
  # and the kills (kuberuntime_container.go, V(2)); a Ready change is logged only by the status manager's
  # "Patch status for pod" line, at V(3), so status_manager.go alone runs at 3 (the whole kubelet at 3 would add a line
  # per successful probe). TZ=UTC: klog stamps local time without a zone, so the log is UTC whatever the host says.
  # API and event rates: v1.20's defaults (5/s, bursts of 10) make the kubelet queue its status patches and events as
  # soon as several scenarios run at once (measured at 16: Ready changes and Unhealthy events seconds late); 50/s with
  # bursts of 100 are the defaults of every kubelet since v1.27. No probe, sync or restart rule depends on them.
  launch kubelet env TZ=UTC "$K8S_BIN/kubelet" --kubeconfig "$KUBECONFIG_FILE" --root-dir "$KUBELET_DIR" \
    --cert-dir "$KUBELET_DIR/pki" --volume-plugin-dir "$KUBELET_DIR/volume-plugins" \
    --container-runtime remote --container-runtime-endpoint "unix://$CONTAINERD_SOCKET" --runtime-request-timeout 5m \
    --cgroup-driver cgroupfs --fail-swap-on=false --address 127.0.0.1 --port "$KUBELET_PORT" \
    --healthz-bind-address 127.0.0.1 --hostname-override "$NODE_NAME" --make-iptables-util-chains=false \
    --read-only-port 0 --anonymous-auth=true --authorization-mode AlwaysAllow \
    --image-gc-high-threshold 100 --image-gc-low-threshold 99 \
    --eviction-hard 'memory.available<100Mi,nodefs.available<1%,imagefs.available<1%,nodefs.inodesFree<1%' \
    --cluster-dns 10.96.0.10 --cluster-domain cluster.local \
    --resolv-conf /etc/resolv.conf --serialize-image-pulls=false \
    --kube-api-qps 50 --kube-api-burst 100 --event-qps 50 --event-burst 100 \
    --v=2 --vmodule=status_manager=3 "${extra[@]+"${extra[@]}"}"
}

wait_until_usable() {
  wait_for "$READY_TIMEOUT_SECONDS" kubelet node_ready
  # Pods in "default" need its service account and, in v1.20, that account's token secret.
  wait_for 60 kube-controller-manager default_service_account_has_token
}

default_service_account_has_token() {
  [[ $(api /api/v1/namespaces/default/serviceaccounts/default | jq '.secrets | length') -gt 0 ]]
}

report() {
  local node
  node=$(api "/api/v1/nodes/$NODE_NAME")
  log "node $NODE_NAME Ready: kubelet $(jq -r .status.nodeInfo.kubeletVersion <<<"$node"), runtime $(jq -r .status.nodeInfo.containerRuntimeVersion <<<"$node")"
  log "kubeconfig: $KUBECONFIG_FILE"
}

main() {
  local started=$EPOCHREALTIME
  step "preflight" preflight
  if [[ -d $STATE_DIR ]] && cluster_healthy; then
    log "cluster already running and Ready"
    # build.sh may have rebuilt an image since: the import replaces the tag, running pods keep their containers.
    step "import images" import_images
    report
    return
  fi
  if [[ -d $PID_DIR ]] && ls "$PID_DIR"/*.pid >/dev/null 2>&1; then
    log "a previous start left a partial cluster: stopping it first"
    "$LOCAL_CLUSTER_DIR/stop.sh"
  fi
  ports_free
  mkdir -p "$STATE_DIR" "$LOG_DIR" "$PID_DIR"
  step "record host settings for stop.sh" record_host_traces
  step "certificates, token, kubeconfig" create_pki
  write_kubeconfig
  write_containerd_config
  step "etcd" start_etcd
  step "containerd" start_containerd
  step "import images" import_images
  step "kube-apiserver" start_apiserver
  step "controller manager and scheduler" start_controllers
  step "kubelet" start_kubelet
  step "node Ready" wait_until_usable
  report
  log "cluster started in $(elapsed_since "$started") s"
}

main "$@"
