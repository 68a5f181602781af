@startup @http
Feature: Startup probe failure
  When the startup probe fails failureThreshold times in a row the kubelet kills the container and restarts it,
  like a liveness failure. Kubelets before 1.21 kill only at the next periodic pod sync (64–82 s late); the bound
  allows for that.

  @long
  Scenario: A container that never starts is restarted after the startup budget
    Given the target app with 1 replica
    And the startup endpoint fails with status 503 from the start
    And a startup probe:
      | type    | path      | port | periodSeconds | failureThreshold |
      | httpGet | /startupz | 8080 | 1             | 4                |
    And a liveness probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 1                |
    And no readiness probe
    When the target app is deployed
    Then pod 1 is restarted within the startup bound
    And an event "Killing" with message "Container target-app failed startup probe, will be restarted" is recorded for pod 1
    And an event "Unhealthy" with message "Startup probe failed: HTTP probe failed with statuscode: 503" is recorded for pod 1
    And no event "Unhealthy" with message matching "^Liveness probe failed" is recorded for pod 1
    And the container of pod 1 stays not started for 2 s
