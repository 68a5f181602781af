#!/usr/bin/env bash
# One command for a real v1.20 cluster on this machine: build (cached after the first run), start, and print what
# the conformance suite needs. Stop it again with local-cluster/stop.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

"$LOCAL_CLUSTER_DIR/build.sh"
"$LOCAL_CLUSTER_DIR/start.sh"
cat <<MSG

The local Kubernetes $K8S_GIT_VERSION cluster is Ready. For the conformance suite:
  export HARNESS_BACKEND=kubeconfig HARNESS_KUBECONFIG=$KUBECONFIG_FILE HARNESS_TARGET_IMAGE=${TARGET_IMAGE#docker.io/}
  dotnet test --project steps/ProbeHarness.Steps.csproj
Then: local-cluster/stop.sh
MSG
