@readiness @exec
Feature: Exec readiness probe
  The target app keeps HEALTH_FILE (/tmp/healthy) only while it is healthy; here a readiness probe reads it, so the
  pod goes not Ready while the app is unhealthy, and nothing restarts it (there is no liveness probe).

  Scenario: A failing command makes the pod not Ready without restarting it
    Given the target app with 1 replica
    And a readiness probe:
      | type | command          | periodSeconds | timeoutSeconds | failureThreshold |
      | exec | cat /tmp/healthy | 1             | 2              | 2                |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts failing with status 500 for 6 s
    Then pod 1 becomes not Ready within the readiness detection bound
    And an event "Unhealthy" with message matching "^Readiness probe failed: (\S*/)?cat: .*healthy: No such file or directory" is recorded for pod 1
    And pod 1 becomes Ready within the readiness detection bound
    And the restart count of pod 1 is 0
