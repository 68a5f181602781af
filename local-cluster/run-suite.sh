#!/usr/bin/env bash
# The conformance suite on a real Kubernetes v1.20 kubelet, in one command: build (cached), start the local
# cluster, check it end to end (smoke-test.sh), run the suite against it through the kubeconfig backend, and stop
# the cluster again, also when something failed. Extra arguments go to `dotnet test`, e.g. --filter "...".
# PROBE_CLUSTER_KEEP_RUNNING=1 leaves the cluster running afterwards. The components' logs (kubelet.log among them) are
# copied to artifacts/local-cluster/ at the end.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

"$LOCAL_CLUSTER_DIR/build.sh"
# The components' logs outlive the cluster (stop.sh removes the state directory): artifacts/local-cluster/ gets them,
# kubelet.log first among them, which the timing check compares with the suite's records.
ARTIFACT_LOGS=$REPO_ROOT/artifacts/local-cluster
rm -rf "$ARTIFACT_LOGS"
keep_logs() {
  if [[ -d $LOG_DIR ]]; then
    mkdir -p "$ARTIFACT_LOGS" && cp -a "$LOG_DIR/." "$ARTIFACT_LOGS/" && log "component logs copied to $ARTIFACT_LOGS"
  fi
  return 0
}
if [[ ${PROBE_CLUSTER_KEEP_RUNNING:-0} != 1 ]]; then
  trap 'keep_logs; "$LOCAL_CLUSTER_DIR/stop.sh"' EXIT
else
  trap keep_logs EXIT
fi
# A signal ends the script through its EXIT trap, so an interrupted or terminated run (a CI timeout) stops the cluster.
trap 'exit 130' INT
trap 'exit 143' TERM
"$LOCAL_CLUSTER_DIR/start.sh"
"$LOCAL_CLUSTER_DIR/smoke-test.sh"

export HARNESS_BACKEND=kubeconfig HARNESS_KUBECONFIG=$KUBECONFIG_FILE HARNESS_TARGET_IMAGE=${TARGET_IMAGE#docker.io/}
log "running the conformance suite: HARNESS_BACKEND=$HARNESS_BACKEND HARNESS_KUBECONFIG=$HARNESS_KUBECONFIG"
cd "$REPO_ROOT"
with_live_progress dotnet test --project steps/ProbeHarness.Steps.csproj "$@"
