@startup @http
Feature: Startup probe gates liveness and readiness
  Until the startup probe succeeds, the liveness and readiness probes do not run: a slow start is not killed by an
  impatient liveness probe. The container's started flag is false until then.

  Scenario: A slow start is protected by the startup probe
    The app opens no port for 6 s. The liveness probe alone would kill it after one failure; the startup probe
    allows 20 × 1 s, so liveness waits.
    Given the target app with 1 replica
    And the target app starts listening 6 s after it starts
    And a startup probe:
      | type    | path      | port | periodSeconds | failureThreshold |
      | httpGet | /startupz | 8080 | 1             | 20               |
    And a liveness probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 1                |
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 1             | 1                |
    When the target app is deployed
    Then the container of pod 1 stays not started for 3 s
    And the Ready condition of pod 1 is False with reason "ContainersNotReady"
    And the container of pod 1 is started within the startup bound
    And pod 1 becomes Ready within the startup bound
    And the restart count of pod 1 is 0
    And no event "Unhealthy" with message matching "^(Liveness|Readiness) probe failed" is recorded for pod 1
    And at least 1 event "Unhealthy" with message matching "^Startup probe failed" is recorded for pod 1

  Scenario: Without a startup probe the same slow start is killed by liveness
    Given the target app with 1 replica
    And the target app starts listening 6 s after it starts
    And no startup probe
    And a liveness probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 1                |
    And no readiness probe
    When the target app is deployed
    Then pod 1 is restarted within 10 s
    And an event "Killing" with message "Container target-app failed liveness probe, will be restarted" is recorded for pod 1
