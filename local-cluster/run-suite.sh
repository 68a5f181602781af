#!/usr/bin/env bash
# The conformance suite on a real Kubernetes v1.20 kubelet, in one command: build (cached), start the local
# cluster, check it end to end (smoke-test.sh), run the suite against it through the kubeconfig backend, and stop
# the cluster again, also when something failed. Extra arguments go to `dotnet test`, e.g. --filter "...".
# PROBE_CLUSTER_KEEP_RUNNING=1 leaves the cluster running afterwards.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

"$LOCAL_CLUSTER_DIR/build.sh"
if [[ ${PROBE_CLUSTER_KEEP_RUNNING:-0} != 1 ]]; then
  trap '"$LOCAL_CLUSTER_DIR/stop.sh"' EXIT
fi
"$LOCAL_CLUSTER_DIR/start.sh"
"$LOCAL_CLUSTER_DIR/smoke-test.sh"

export HARNESS_BACKEND=kubeconfig HARNESS_KUBECONFIG=$KUBECONFIG_FILE HARNESS_TARGET_IMAGE=${TARGET_IMAGE#docker.io/}
log "running the conformance suite: HARNESS_BACKEND=$HARNESS_BACKEND HARNESS_KUBECONFIG=$HARNESS_KUBECONFIG"
cd "$REPO_ROOT"
dotnet test --project steps/ProbeHarness.Steps.csproj "$@"
