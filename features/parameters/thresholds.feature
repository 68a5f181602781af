@parameters @http
Feature: successThreshold and failureThreshold
  The kubelet acts on the failureThreshold-th consecutive failure (and a readiness probe returns to Ready on the
  successThreshold-th consecutive success); a single result of the other kind starts the count again.

  # The startup probe keeps liveness off until the app answers: on a loaded node a liveness probe that runs from the
  # container's start fails on the refused port, and with threshold 1 kills the app before the fault (seen on v1.20).
  # The readiness probe (its own endpoint) makes Ready follow the startup probe at once: without one a v1.20 kubelet
  # marks the pod Ready only at its next periodic sync, up to 90 s later.
  @liveness
  Scenario Outline: The kill comes on the failureThreshold-th consecutive failure
    Given the target app with 1 replica
    And a liveness probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | <threshold>      |
    And a readiness probe:
      | type    | path    | port | periodSeconds |
      | httpGet | /readyz | 8080 | 1             |
    And a startup probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 60               |
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts failing with status 500
    Then pod 1 is killed between <earliest> and <latest> s after the fault
    And at least <threshold> events "Unhealthy" with message matching "^Liveness probe failed" are recorded for pod 1

    Examples:
      | threshold | earliest | latest |
      | 1         | 0        | 3      |
      | 5         | 4        | 8      |

  @readiness
  Scenario Outline: Ready returns on the successThreshold-th consecutive success
    sT successes one period apart take (sT−1)·p, but the first may come from a tick that ran late (the next ones keep
    the nominal phase): a CI run measured 2.997 s for sT=4, p=1, with the first success 12 ms after the fault ended. So
    the earliest stated is one period less than (sT−1)·p.
    Given the target app with 1 replica
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold | successThreshold |
      | httpGet | /readyz | 8080 | 1             | 1                | <threshold>      |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    And the readiness endpoint of pod 1 starts failing with status 503 for 3 s
    Then pod 1 becomes not Ready within the readiness detection bound
    And pod 1 becomes Ready between <earliest> and <latest> s after the fault ends

    Examples:
      | threshold | earliest | latest |
      | 1         | 0        | 3      |
      | 4         | 2        | 7      |
