#!/usr/bin/env bash
# End-to-end check of a started local cluster, with nothing but curl and the admin token: a target-app pod with
# an httpGet liveness probe becomes Running and Ready; its liveness endpoint is made to fail through the API
# server's pod proxy; the kubelet kills and restarts it (restartCount 1). Runs in its own namespace, deleted after.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

NAMESPACE=probe-harness-smoke
POD=target-app
TIMEOUT_SECONDS=${PROBE_CLUSTER_SMOKE_TIMEOUT:-90}

pod() { api "/api/v1/namespaces/$NAMESPACE/pods/$POD"; }

# Polls until the jq expression is true on the pod, or dies after TIMEOUT_SECONDS.
wait_pod() {
  local what=$1 expression=$2 deadline=$((SECONDS + TIMEOUT_SECONDS))
  until [[ $(pod 2>/dev/null | jq -r "$expression") == true ]]; do
    ((SECONDS < deadline)) || { pod | jq '.status' >&2; die "pod not $what after $TIMEOUT_SECONDS s"; }
    sleep 0.5
  done
}

create_namespace() {
  api /api/v1/namespaces -X POST -H 'Content-Type: application/json' \
    -d "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"$NAMESPACE\"}}" >/dev/null
  # v1.20 admits pods only once the namespace's default service account has its token secret.
  local deadline=$((SECONDS + 30))
  until [[ $(api "/api/v1/namespaces/$NAMESPACE/serviceaccounts/default" 2>/dev/null | jq '.secrets | length') -gt 0 ]]; do
    ((SECONDS < deadline)) || die "no token for the default service account of $NAMESPACE after 30 s"
    sleep 0.2
  done
}

create_pod() {
  jq -n --arg image "${TARGET_IMAGE#docker.io/}" --arg name "$POD" '{
    apiVersion: "v1", kind: "Pod", metadata: {name: $name, labels: {app: $name}},
    spec: {terminationGracePeriodSeconds: 5, containers: [{
      name: $name, image: $image, imagePullPolicy: "IfNotPresent",
      env: [{name: "FAULTS_ENABLED", value: "true"}], ports: [{containerPort: 8080}],
      livenessProbe: {httpGet: {path: "/healthz", port: 8080}, periodSeconds: 2, failureThreshold: 2},
      readinessProbe: {httpGet: {path: "/readyz", port: 8080}, periodSeconds: 2}}]}}' |
    api "/api/v1/namespaces/$NAMESPACE/pods" -X POST -H 'Content-Type: application/json' -d @- >/dev/null
}

fail_liveness() {
  api "/api/v1/namespaces/$NAMESPACE/pods/$POD:8080/proxy/faults/liveness" -X PUT \
    -H 'Content-Type: application/json' -d '{"mode":"fail"}' | jq -c .liveness >&2
}

delete_namespace() {
  api "/api/v1/namespaces/$NAMESPACE" -X DELETE >/dev/null 2>&1 || true
}

main() {
  local started=$EPOCHREALTIME
  require_root_on_linux
  [[ -f $KUBECONFIG_FILE ]] || die "the cluster is not started (no $KUBECONFIG_FILE); run local-cluster/start.sh"
  trap delete_namespace EXIT
  delete_namespace
  step "namespace $NAMESPACE" create_namespace
  step "create pod $POD (image ${TARGET_IMAGE#docker.io/})" create_pod
  step "pod Running and Ready" wait_pod "Ready" \
    '.status.phase == "Running" and ([.status.conditions[]? | select(.type == "Ready" and .status == "True")] | length == 1)'
  log "pod $(pod | jq -r '"\(.status.podIP) on \(.spec.nodeName), restartCount \(.status.containerStatuses[0].restartCount)"')"
  step "make /healthz fail through the pod proxy" fail_liveness
  step "kubelet restarts the container" wait_pod "restarted" '.status.containerStatuses[0].restartCount == 1'
  log "lastState $(pod | jq -c '.status.containerStatuses[0].lastState.terminated | {reason, exitCode, finishedAt}')"
  api "/api/v1/namespaces/$NAMESPACE/events" |
    jq -r '.items[] | select(.reason == "Killing" or .reason == "Unhealthy") | "  event \(.reason): \(.message)"' | sort -u >&2
  log "smoke test passed in $(elapsed_since "$started") s"
}

main "$@"
