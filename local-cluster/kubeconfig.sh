#!/usr/bin/env bash
# Prints the path of the running local cluster's kubeconfig (mode 0600; admin token of system:masters), or with
# --content the file itself. Exits non-zero when the cluster has not been started.
#   export HARNESS_BACKEND=kubeconfig HARNESS_KUBECONFIG=$(local-cluster/kubeconfig.sh)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

[[ -f $KUBECONFIG_FILE ]] || die "no kubeconfig at $KUBECONFIG_FILE: start the cluster with local-cluster/start.sh"
chmod 600 "$KUBECONFIG_FILE"
case ${1:-} in
  "") echo "$KUBECONFIG_FILE" ;;
  --content) cat "$KUBECONFIG_FILE" ;;
  *) die "usage: kubeconfig.sh [--content]" ;;
esac
