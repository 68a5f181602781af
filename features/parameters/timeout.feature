@parameters @liveness @http
Feature: timeoutSeconds
  A response slower than timeoutSeconds is a failure, however healthy its content; a faster one is a success.

  Scenario Outline: A slow endpoint against the timeout
    Given the target app with 1 replica
    And a liveness probe:
      | type    | path     | port | periodSeconds | timeoutSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 2             | <timeout>      | 2                |
    And no readiness probe
    And no startup probe
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts answering after <delay> ms
    Then <outcome>

    Examples:
      | timeout | delay | outcome                                                     |
      | 1       | 400   | pod 1 is not restarted for 10 s                             |
      | 1       | 1600  | pod 1 is restarted within the liveness detection bound      |
      | 3       | 1600  | pod 1 is not restarted for 10 s                             |
