@liveness @exec
Feature: Exec liveness probe
  An exec probe runs a command in the container; exit code 0 is success, anything else a failure whose output becomes
  the event message. The target app keeps HEALTH_FILE (/tmp/healthy) while its liveness is healthy.
  Where the start is not a scenario's subject, a startup probe (the liveness check, 60 failures allowed) holds liveness
  off until the app answers, and a readiness probe makes Ready follow at once (v1.20 otherwise waits for its next sync):
  on a loaded node a start slower than a 2–4 s liveness budget would be killed before the fault.

  Scenario: A command that starts failing restarts the container
    Given the target app with 1 replica
    And a liveness probe:
      | type | command          | periodSeconds | timeoutSeconds | failureThreshold |
      | exec | cat /tmp/healthy | 1             | 2              | 3                |
    And a readiness probe:
      | type    | path    | port | periodSeconds |
      | httpGet | /readyz | 8080 | 1             |
    And a startup probe:
      | type | command          | timeoutSeconds | periodSeconds | failureThreshold |
      | exec | cat /tmp/healthy | 2              | 1             | 60               |
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts failing with status 500
    Then pod 1 is restarted within the liveness detection bound
    And an event "Unhealthy" with message matching "^Liveness probe failed: (\S*/)?cat: .*healthy: No such file or directory" is recorded for pod 1
    And the restart count of pod 1 is 1
    And pod 1 is not restarted for 8 s
