@termination @liveness @http
Feature: How a killed container ends
  A liveness kill sends SIGTERM and, if the container is still running at the grace deadline, SIGKILL. The exit code
  is the process's: a process that SIGTERM kills ends with 143 (128 + 15), one that handles SIGTERM with its own code
  (the target app stops gracefully with 0, reason Completed), and one that ignores SIGTERM is killed at the deadline
  with 137 (128 + 9).
  Where the start is not a scenario's subject, a startup probe (the liveness check, 60 failures allowed) holds liveness
  off until the app answers, and a readiness probe makes Ready follow at once (v1.20 otherwise waits for its next sync):
  on a loaded node a start slower than a 2–4 s liveness budget would be killed before the fault.

  Scenario: An app that stops gracefully on SIGTERM exits with its own code right after the kill
    Given the target app with 1 replica
    And the pod's terminationGracePeriodSeconds is 10
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
    And the liveness endpoint of pod 1 starts failing with status 500
    Then pod 1 is restarted within the liveness detection bound
    And the last termination of pod 1 has reason "Completed" and exit code 0
    And the container of pod 1 exits between 0 and 3 s after it is killed

  Scenario: An app that dies of SIGTERM ends with 143 right after the kill
    The target app's EXIT_CODE_ON_SIGTERM=143 stands in for a process without a SIGTERM handler (128 + 15).
    Given the target app with 1 replica
    And the target app environment variable EXIT_CODE_ON_SIGTERM is "143"
    And the pod's terminationGracePeriodSeconds is 10
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
    And the liveness endpoint of pod 1 starts failing with status 500
    Then pod 1 is restarted within the liveness detection bound
    And the last termination of pod 1 has reason "Error" and exit code 143
    And the container of pod 1 exits between 0 and 3 s after it is killed

  Scenario: An app that ignores SIGTERM is killed at the grace deadline with 137
    Given the target app with 1 replica
    And the target app ignores SIGTERM
    And the pod's terminationGracePeriodSeconds is 4
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
    And the liveness endpoint of pod 1 starts failing with status 500
    Then pod 1 is restarted within the liveness detection bound
    And the last termination of pod 1 has reason "Error" and exit code 137
    And the container of pod 1 exits between 3 and 7 s after it is killed
