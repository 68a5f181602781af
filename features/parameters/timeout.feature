@parameters @liveness @http
Feature: timeoutSeconds
  A response slower than timeoutSeconds is a failure, however healthy its content; a faster one is a success.
  Where the start is not a scenario's subject, a startup probe (the liveness check, 60 failures allowed) holds liveness
  off until the app answers, and a readiness probe makes Ready follow at once (v1.20 otherwise waits for its next sync):
  on a loaded node a start slower than a 2–4 s liveness budget would be killed before the fault.

  Scenario Outline: A slow endpoint against the timeout
    Given the target app with 1 replica
    And a liveness probe:
      | type    | path     | port | periodSeconds | timeoutSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 2             | <timeout>      | 2                |
    And a readiness probe:
      | type    | path    | port | periodSeconds |
      | httpGet | /readyz | 8080 | 1             |
    And a startup probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 60               |
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts answering after <delay> ms
    Then <outcome>

    Examples:
      | timeout | delay | outcome                                                     |
      | 1       | 400   | pod 1 is not restarted for 10 s                             |
      | 1       | 1600  | pod 1 is restarted within the liveness detection bound      |
      | 3       | 1600  | pod 1 is not restarted for 10 s                             |
