@parameters @liveness @http
Feature: periodSeconds
  The kubelet probes every periodSeconds on a fixed rhythm, and every failed probe is an Unhealthy event; so with a
  failing endpoint the events come one period apart, and the kill comes (failureThreshold − 1) periods after the
  first failure.

  Scenario Outline: Failures come one period apart
    Given the target app with 1 replica
    And a liveness probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | <period>      | 5                |
    And no readiness probe
    And no startup probe
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts failing with status 500
    Then 3 liveness probe failures of pod 1 come <period> s apart
    And pod 1 is restarted within the liveness detection bound

    Examples:
      | period |
      | 1      |
      | 3      |
