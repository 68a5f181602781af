@liveness @http
Feature: HTTP liveness probe
  The kubelet sends GET to the liveness path every periodSeconds; on the failureThreshold-th consecutive failure it kills
  the container (SIGTERM, then SIGKILL at the grace deadline) and starts a new one in the same pod. Only the container
  whose probe fails is restarted; the pod, its name and its other replicas stay.
  Where a scenario counts every restart or kill of the pod, a startup probe on the same endpoint holds liveness off
  until the app answers: on a loaded node a start slower than the liveness budget would be killed before the fault.

  Scenario: A failing liveness endpoint restarts only that container
    The startup probe keeps a slow start from counting as liveness failures; the readiness probe (on its own endpoint)
    makes Ready follow it at once: without one a v1.20 kubelet marks the pod Ready only at its next periodic sync, up
    to 90 s later.
    Given the target app with 2 replicas
    And a liveness probe:
      | type    | path     | port | initialDelaySeconds | periodSeconds | timeoutSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 0                   | 1             | 1              | 3                |
    And a readiness probe:
      | type    | path    | port | periodSeconds |
      | httpGet | /readyz | 8080 | 1             |
    And a startup probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 60               |
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts failing with status 500
    Then pod 1 is restarted within the liveness detection bound
    And the restart count of pod 1 is 1
    And the last termination of pod 1 has reason "Completed" and exit code 0
    And an event "Unhealthy" with message "Liveness probe failed: HTTP probe failed with statuscode: 500" is recorded for pod 1
    And an event "Killing" with message "Container target-app failed liveness probe, will be restarted" is recorded for pod 1
    And pod 2 is not restarted for 10 s

  Scenario: A restart clears a fault that lives in the process
    The fault API keeps faults in memory, so the new container starts healthy: one restart, then quiet. Ready is
    awaited before it is held: the new container is ready only after its startup probe and then its readiness probe
    passed (without a readiness probe a v1.20 kubelet marks it ready only at the pod's next periodic sync, up to a
    minute later; 1.21 and later at once).
    Given the target app with 1 replica
    And a liveness probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 3                |
    And a readiness probe:
      | type    | path    | port | periodSeconds |
      | httpGet | /readyz | 8080 | 1             |
    And a startup probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 60               |
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts failing with status 503
    Then pod 1 is restarted within the liveness detection bound
    And pod 1 is not restarted for 10 s
    And the restart count of pod 1 is 1
    When every pod is Ready
    Then every pod stays Ready for 3 s

  Scenario: Without a readiness probe a pod and its endpoint stay Ready through a liveness restart
    The kubelet kills the container and starts the new one in one pod sync and publishes the pod's status once per sync,
    so no published status shows the old container dead; with no readiness probe a running container is ready. An
    initial delay, not a startup probe, holds liveness off while the app starts: with a startup probe the new container
    would be unready until the probe's first success.
    Given the target app with 1 replica
    And a liveness probe:
      | type    | path     | port | initialDelaySeconds | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 10                  | 1             | 2                |
    And no readiness probe
    And no startup probe
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts failing with status 500
    Then pod 1 and its endpoint stay Ready through a restart within 40 s
    And pod 1 is restarted within the liveness detection bound
    And the restart count of pod 1 is 1

  @long
  Scenario: A fault that survives restarts crash-loops with a growing back-off
    With the fault kept on an emptyDir volume every new container fails again. The first restarts after a liveness
    kill come at once; later ones wait 10 s, 20 s, 40 s … after the previous exit (kubelet back-off, max 300 s), with
    BackOff events and the container waiting in CrashLoopBackOff. Real kubelets restart 1–14 s after the nominal delay.
    Given the target app with 1 replica
    And a liveness probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 2                |
    And no readiness probe
    And no startup probe
    And faults survive container restarts
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts failing with status 500
    Then pod 1 is restarted at least 4 times within 100 s
    And the restart delays of pod 1 grow with the crash-loop back-off over 2 delayed restarts
    And an event "BackOff" with message matching "^Back-off restarting failed container" is recorded for pod 1
    And the container of pod 1 is waiting with reason "CrashLoopBackOff" within 60 s

  Scenario: A flapping endpoint that never fails twice in a row is never restarted
    Thresholds count consecutive results: every second probe fails, so a failureThreshold of 2 is never reached,
    though each failed probe is an Unhealthy event. The readiness probe, on its own endpoint, makes Ready follow the
    startup probe at once on a v1.20 kubelet too.
    Given the target app with 1 replica
    And a liveness probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 2                |
    And a readiness probe:
      | type    | path    | port | periodSeconds |
      | httpGet | /readyz | 8080 | 1             |
    And a startup probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 60               |
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 fails every 2nd probe with status 500
    Then pod 1 is not restarted for 15 s
    And at least 4 events "Unhealthy" with message matching "^Liveness probe failed: HTTP probe failed with statuscode: 500$" are recorded for pod 1
    And no event "Killing" is recorded for pod 1

  Scenario: A liveness endpoint that recovers before the threshold causes no restart
    Given the target app with 1 replica
    And a liveness probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 2             | 3                |
    And a readiness probe:
      | type    | path    | port | periodSeconds |
      | httpGet | /readyz | 8080 | 1             |
    And a startup probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 60               |
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts failing with status 500 for 3 s
    Then pod 1 is not restarted for the liveness window
    And at least 1 event "Unhealthy" with message matching "^Liveness probe failed" is recorded for pod 1
