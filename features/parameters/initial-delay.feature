@parameters @liveness @http
Feature: initialDelaySeconds
  No probe runs until initialDelaySeconds have passed since the container started. The kubelet counts whole seconds
  since startedAt and probes on its fixed rhythm, so the first probe lands within [delay − 1, delay + period] seconds
  of the start, as measured with whole-second server timestamps.

  Scenario Outline: The first liveness probe waits for the initial delay
    Given the target app with 1 replica
    And the liveness endpoint fails with status 500 from the start
    And a liveness probe:
      | type    | path     | port | initialDelaySeconds | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | <delay>             | 1             | 3                |
    And no readiness probe
    And no startup probe
    When the target app is deployed
    Then the first liveness probe failure of pod 1 comes between <earliest> and <latest> s after its container started

    Examples:
      | delay | earliest | latest |
      | 0     | 0        | 3      |
      | 6     | 5        | 8      |

  Scenario: A readiness probe with an initial delay keeps the pod not Ready until it runs
    Given the target app with 1 replica
    And a readiness probe:
      | type    | path    | port | initialDelaySeconds | periodSeconds |
      | httpGet | /readyz | 8080 | 5                   | 1             |
    And no liveness probe
    And no startup probe
    When the target app is deployed
    Then the container of pod 1 stays not ready for 3 s
    And pod 1 becomes Ready within 10 s
