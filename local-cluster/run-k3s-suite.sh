#!/usr/bin/env bash
# The conformance suite through Testcontainers.K3s, in one command, on a machine that cannot pull rancher/k3s: build
# (cached) the binaries (build.sh), a Docker engine (docker-engine.sh), the target app's base images (base-images.sh)
# and probe-harness/k3s-compat:v1.20.2 (k3s-compat-image.sh: upstream Kubernetes v1.20.2 in K3s's container contract,
# not K3s); run the suite with HARNESS_BACKEND=k3s on that image; check that nothing was left in Docker; take the
# engine down again, also when something failed or the run is interrupted. Extra arguments go to `dotnet test`.
#
#   sudo local-cluster/run-k3s-suite.sh                                  # the whole suite
#   sudo local-cluster/run-k3s-suite.sh --filter "Category=liveness"     # one tag
#
# Records go to artifacts/results/k3s/, the cluster's logs (kubelet.log among them, for the timing check) to
# artifacts/k3s-compat/. Do not run it while the local cluster (start.sh, run-suite.sh) runs (README.md).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

K3S_COMPAT_IMAGE=${PROBE_K3S_COMPAT_IMAGE:-probe-harness/k3s-compat:$K8S_GIT_VERSION}
SDK_IMAGE=${PROBE_SDK_IMAGE:-probe-harness/dotnet-sdk:10.0}
RUNTIME_IMAGE=${PROBE_RUNTIME_IMAGE:-probe-harness/aspnet:10.0}
RESULTS=$REPO_ROOT/artifacts/results/k3s
CLUSTER_LOGS=$REPO_ROOT/artifacts/k3s-compat

# One line per phase with its time, so a slow phase is named (engine, images, suite).
phase_started=0
phase() { phase_started=$SECONDS; log "$*"; }
phase_done() { log "$* ($((SECONDS - phase_started)) s)"; }

# Loads build.sh's OCI archive of the own-app example into the engine (POST /images/load; the host needs no docker CLI).
load_own_app_image() {
  local host=${DOCKER_HOST:-} target=() api response
  case $host in
    unix://*) target=(--unix-socket "${host#unix://}") api=http://docker ;;
    tcp://*) api=http://${host#tcp://} ;;
    *) die "DOCKER_HOST='$host' is not unix://PATH or tcp://HOST:PORT" ;;
  esac
  [[ -f $OWN_APP_ARCHIVE ]] || die "$OWN_APP_ARCHIVE is missing; run local-cluster/build.sh first"
  # An engine on the classic image store loads only docker save's layout: add its manifest.json to a copy of the
  # OCI archive (the same config and layer blobs), so the archive ctr imports stays as it is.
  local work manifest config layer
  work=$(mktemp -d)
  tar -xf "$OWN_APP_ARCHIVE" -C "$work" index.json
  manifest=$(jq -r '.manifests[0].digest | sub("sha256:"; "")' "$work/index.json")
  tar -xf "$OWN_APP_ARCHIVE" -C "$work" "blobs/sha256/$manifest"
  config=$(jq -r '.config.digest | sub("sha256:"; "")' "$work/blobs/sha256/$manifest")
  layer=$(jq -r '.layers[0].digest | sub("sha256:"; "")' "$work/blobs/sha256/$manifest")
  jq -cn --arg c "blobs/sha256/$config" --arg l "blobs/sha256/$layer" --arg tag "${OWN_APP_IMAGE#docker.io/}" \
    '[{Config: $c, RepoTags: [$tag], Layers: [$l]}]' >"$work/manifest.json"
  cp "$OWN_APP_ARCHIVE" "$work/image.tar"
  tar -rf "$work/image.tar" -C "$work" manifest.json
  response=$(curl -sS --fail-with-body -X POST "${target[@]}" -H 'Content-Type: application/x-tar' --data-binary "@$work/image.tar" "$api/images/load?quiet=1") ||
    { rm -rf "$work"; die "loading $OWN_APP_ARCHIVE into the engine failed: $response"; }
  rm -rf "$work"
  if grep -q '"error' <<<"$response"; then die "loading $OWN_APP_ARCHIVE into the engine failed: $response"; fi
  curl -sS --fail-with-body "${target[@]}" "$api/images/${OWN_APP_IMAGE#docker.io/}/json" >/dev/null ||
    die "after loading $OWN_APP_ARCHIVE the engine has no ${OWN_APP_IMAGE#docker.io/}: $response"
}

# The part that runs with the engine up (docker-engine.sh run exports DOCKER_HOST); its exit code is the suite's.
inside() {
  phase "base images for target-app/Dockerfile"
  "$LOCAL_CLUSTER_DIR/base-images.sh"
  phase_done "base images ready"

  # The own-app example's image, as a user's local build would be in their engine: its scenarios load it into K3s.
  phase "the own-app example's image $OWN_APP_IMAGE into the engine"
  load_own_app_image
  phase_done "$OWN_APP_IMAGE loaded"

  phase "the K3s-compatible image $K3S_COMPAT_IMAGE"
  "$LOCAL_CLUSTER_DIR/k3s-compat-image.sh"
  phase_done "$K3S_COMPAT_IMAGE ready"

  rm -rf "$RESULTS" "$CLUSTER_LOGS"
  export HARNESS_BACKEND=k3s HARNESS_K3S_IMAGE=$K3S_COMPAT_IMAGE \
    HARNESS_TARGET_BUILD_ARGS=SDK_IMAGE=$SDK_IMAGE,RUNTIME_IMAGE=$RUNTIME_IMAGE
  # No reaper image can be pulled here; the harness removes its own container and volumes (and a killed run's, next time).
  export TESTCONTAINERS_RYUK_DISABLED=true
  # The K3s backend's own end-to-end tests first: the target app's image build, boot-to-Ready, a killed run's leftovers.
  # Here they must run, not skip (they skip only where no engine or image exists).
  phase "the K3s backend's end-to-end tests (K3sBackendTests, TargetImageLoaderTests, LeftoverK3sContainersEngineTests)"
  local e2e=0 e2e_log
  e2e_log=$(mktemp)
  (cd "$REPO_ROOT" && dotnet test --project tests/ProbeHarness.Kubernetes.Tests --filter-class "*K3sBackendTests" \
    --filter-class "*TargetImageLoaderTests" --filter-class "*LeftoverK3sContainersEngineTests" --minimum-expected-tests 4) 2>&1 | tee "$e2e_log" || e2e=$?
  if ((e2e == 0)) && ! grep -qE "^  skipped: 0$" "$e2e_log"; then
    e2e=1
    log "ERROR: an end-to-end test was skipped although the engine and the images are here"
  fi
  rm -f "$e2e_log"
  phase_done "end-to-end tests ended with exit code $e2e"

  phase "the conformance suite: HARNESS_BACKEND=k3s HARNESS_K3S_IMAGE=$K3S_COMPAT_IMAGE (DOCKER_HOST=$DOCKER_HOST)"
  local code=0
  # Only the suite's cluster logs are kept: its kubelet.log is what the timing check pairs with its records.
  (cd "$REPO_ROOT" && export HARNESS_K3S_LOGS=$CLUSTER_LOGS && with_live_progress dotnet test --project steps/ProbeHarness.Steps.csproj "$@") || code=$?
  phase_done "the suite ended with exit code $code"
  ((code != 0)) || code=$e2e

  # What a finished run must not leave in the engine: its K3s container, that container's volumes, a build's step container.
  local containers volumes
  containers=$("$LOCAL_CLUSTER_DIR/docker-engine.sh" docker ps -a --filter label=probe-harness/role=k3s --format '{{.ID}} {{.Image}} {{.Status}}')
  volumes=$("$LOCAL_CLUSTER_DIR/docker-engine.sh" docker volume ls -q --filter dangling=true)
  if [[ -n $containers || -n $volumes ]]; then
    log "ERROR: the run left behind${containers:+ containers: $containers}${volumes:+ volumes: $(tr '\n' ' ' <<<"$volumes")}"
    ((code != 0)) || code=1
  else
    log "nothing left in Docker: no K3s container, no dangling volume"
  fi
  return "$code"
}

if [[ ${1:-} == --inside ]]; then
  shift
  inside "$@"
  exit
fi

started=$SECONDS
phase "the binaries (build.sh, cached)"
"$LOCAL_CLUSTER_DIR/build.sh"
phase_done "binaries ready"
code=0
"$LOCAL_CLUSTER_DIR/docker-engine.sh" run -- "$LOCAL_CLUSTER_DIR/run-k3s-suite.sh" --inside "$@" || code=$?
log "run-k3s-suite: exit $code after $((SECONDS - started)) s; records in $RESULTS, cluster logs in $CLUSTER_LOGS"
exit "$code"
