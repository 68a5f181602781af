#!/usr/bin/env bash
# probe-harness/k3s-compat:v1.20.2 — upstream Kubernetes v1.20.2 in K3s's container contract, made from local files so
# that Testcontainers.K3s's code path (boot, kubeconfig, image build, save, copy, `ctr` import) runs where rancher/k3s
# cannot be pulled. It is not K3s (see k3s-compat/k3s and README.md). Contents: a bookworm minbase root with Debian's
# containerd, runc, CNI plugins and etcd; build.sh's kube-apiserver, kube-controller-manager, kube-scheduler, kubelet and
# kubectl and its pause image; the entry point k3s-compat/k3s. Labelled with a key of its inputs: a second run with the
# same inputs does nothing.
#
#   sudo local-cluster/k3s-compat-image.sh         # needs build.sh's binaries and an engine (DOCKER_HOST, else docker-engine.sh's)
#   sudo local-cluster/k3s-compat-image.sh root    # only build (or check) the cached root; needs no engine
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/image-lib.sh"

COMPAT_SUITE=bookworm
COMPAT_PACKAGES=(ca-certificates containerd runc containernetworking-plugins etcd-server iproute2 openssl curl jq
  mount util-linux procps)
# Raised whenever the way the root or the image is made changes.
COMPAT_REVISION=1
COMPAT_IMAGE=${PROBE_K3S_COMPAT_IMAGE:-probe-harness/k3s-compat:$K8S_GIT_VERSION}
COMPAT_LABEL=org.probe-harness.k3s-compat
ENTRYPOINT_FILE=$LOCAL_CLUSTER_DIR/k3s-compat/k3s
STAGING_DIR=

root_key() { printf '%s\n' "$COMPAT_SUITE" minbase "${COMPAT_PACKAGES[@]}" "revision $COMPAT_REVISION" | sha256sum | cut -c1-16; }
COMPAT_ROOT=$CACHE_ROOT/k3s-compat/root-$COMPAT_SUITE-$(root_key)

# Packaged services must not start, and nothing is needed from their configuration.
prepare_compat_root() {
  local root=$1
  mkdir -p "$root/etc/rancher/k3s" "$root/var/lib/rancher/k3s" "$root/var/lib/kubelet" "$root/usr/share/k3s-compat"
}

image_key() {
  {
    root_key
    sha256sum "$ENTRYPOINT_FILE" "$PAUSE_ARCHIVE" | cut -d' ' -f1
    local component
    cat "$K8S_BIN/BUILD-INFO" 2>/dev/null || true
    for component in "${K8S_COMPONENTS[@]}"; do stat -c '%n %s' "$K8S_BIN/$component"; done
  } | sha256sum | cut -c1-16
}

build_image() {
  local key staging
  key=$(image_key)
  image_current "$COMPAT_IMAGE" "$key" && return
  PREPARE_ROOT=prepare_compat_root step "root: $COMPAT_SUITE minbase + ${COMPAT_PACKAGES[*]}" \
    ensure_debootstrap_root "$COMPAT_ROOT" "$COMPAT_SUITE" "${COMPAT_PACKAGES[@]}"
  # The few files on top of the root, in a folder of their own, so the cached root stays as debootstrap made it.
  staging=$(mktemp -d "$CACHE_ROOT/k3s-compat/overlay.XXXXXX")
  STAGING_DIR=$staging
  trap 'rm -rf "$STAGING_DIR"' EXIT
  mkdir -p "$staging/usr/local/bin" "$staging/usr/share/k3s-compat"
  cp "${K8S_COMPONENTS[@]/#/$K8S_BIN/}" "$staging/usr/local/bin/"
  install -m 755 "$ENTRYPOINT_FILE" "$staging/usr/local/bin/k3s"
  cp "$PAUSE_ARCHIVE" "$staging/usr/share/k3s-compat/pause.oci.tar"
  CHANGES=(
    "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    # ctr (Debian's) finds K3s's containerd socket through this, as `docker exec <k3s> ctr ...` expects.
    "ENV CONTAINERD_ADDRESS=/run/k3s/containerd/containerd.sock"
    # As rancher/k3s declares them: containerd's overlay snapshots need a real file system, not the container's overlay.
    "VOLUME /var/lib/kubelet"
    "VOLUME /var/lib/rancher/k3s"
    "VOLUME /var/lib/cni"
    "VOLUME /var/log"
    'ENTRYPOINT ["/usr/local/bin/k3s"]'
    'CMD ["server"]'
    "LABEL $COMPAT_LABEL=$K8S_GIT_VERSION"
    "LABEL $KEY_LABEL=$key"
  )
  # Files only: their folders are in the root already, and the engine refuses a path twice in one layer.
  local files
  mapfile -t files < <(cd "$staging" && find usr -type f | sort)
  step "import $COMPAT_IMAGE" import_image "$COMPAT_IMAGE" -C "$COMPAT_ROOT" . -C "$staging" "${files[@]}"
}

main() {
  require_root_on_linux
  require_commands curl:curl jq:jq tar:tar
  case ${1:-} in
    root)
      PREPARE_ROOT=prepare_compat_root step "root: $COMPAT_SUITE minbase + ${COMPAT_PACKAGES[*]}" \
        ensure_debootstrap_root "$COMPAT_ROOT" "$COMPAT_SUITE" "${COMPAT_PACKAGES[@]}"
      return
      ;;
    '') ;;
    *) die "usage: $0 [root]" ;;
  esac
  require_built
  local started=$EPOCHREALTIME
  resolve_engine
  build_image
  log "$COMPAT_IMAGE ready in $(elapsed_since "$started") s"
  echo "export HARNESS_K3S_IMAGE=$COMPAT_IMAGE"
}

main "$@"
