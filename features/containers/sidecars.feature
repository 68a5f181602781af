@sidecar @min-k8s-1.29
Feature: Sidecar containers
  A sidecar is an init container with restartPolicy Always (Kubernetes 1.29+; a v1.20 API server drops the field and
  the sidecar would block the pod as a plain init container, so these scenarios are skipped there). It starts before
  the app containers and keeps running; the next container starts once it runs and, if it has a startup probe, once
  that succeeded. Its probes act on it alone: a liveness failure restarts only the sidecar, whatever the pod's
  restartPolicy; its readiness counts in the pod's Ready. On deletion it stops after the app containers.

  Scenario: A sidecar's liveness failure restarts only the sidecar
    Given the target app with 1 replica
    And no liveness probe
    And no readiness probe
    And no startup probe
    And a sidecar container "shipper" running the target app
    And a liveness probe on container "shipper":
      | type    | path     | port | initialDelaySeconds | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8180 | 10                  | 1             | 2                |
    When the target app is deployed and Ready
    And the liveness endpoint of container "shipper" of pod 1 starts failing with status 500
    Then container "shipper" of pod 1 is restarted at least 1 time within 40 s
    And the restart count of container "shipper" of pod 1 is 1
    And container "target-app" of pod 1 is not restarted for 5 s

  Scenario: A sidecar that is not ready takes the pod out of Ready
    Given the target app with 1 replica
    And no liveness probe
    And no readiness probe
    And no startup probe
    And a sidecar container "shipper" running the target app
    And a readiness probe on container "shipper":
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8180 | 1             | 1                |
    When the target app is deployed and Ready
    And the readiness endpoint of container "shipper" of pod 1 starts failing with status 503
    Then pod 1 becomes not Ready within 15 s
    And the endpoint of pod 1 has ready=false within 15 s
    And container "target-app" of pod 1 stays ready for 3 s
    And no pod is restarted for 2 s

  Scenario: A sidecar's startup probe holds back the app container
    Given the target app with 1 replica
    And no liveness probe
    And no readiness probe
    And no startup probe
    And a sidecar container "shipper" running the target app
    And the environment variable STARTUP_DELAY_SECONDS of container "shipper" is "5"
    And a startup probe on container "shipper":
      | type    | path      | port | periodSeconds | failureThreshold |
      | httpGet | /startupz | 8180 | 1             | 60               |
    When the target app is deployed and Ready
    Then container "target-app" of pod 1 started at least 5 s after container "shipper"
    And container "shipper" of pod 1 is started within 5 s

  Scenario: On deletion the sidecar stops after the app container
    Given the target app with 1 replica
    And no liveness probe
    And no readiness probe
    And no startup probe
    And the target app keeps serving for 3 s after SIGTERM
    And a sidecar container "shipper" running the target app
    When the target app is deployed and Ready
    And pod 1 is deleted
    Then container "shipper" of pod 1 ends no earlier than container "target-app" within 60 s
