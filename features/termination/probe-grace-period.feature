@termination @liveness @http @min-k8s-1.25
Feature: A probe's own terminationGracePeriodSeconds
  A liveness or startup probe may set terminationGracePeriodSeconds; a kill for that probe then uses it instead of
  the pod's (ProbeTerminationGracePeriod, on by default from Kubernetes 1.25). The kubelet never waits less than 2 s.
  Where the start is not a scenario's subject, a startup probe (the liveness check, 60 failures allowed) holds liveness
  off until the app answers, and a readiness probe makes Ready follow at once (v1.20 otherwise waits for its next sync):
  on a loaded node a start slower than a 2–4 s liveness budget would be killed before the fault.

  Scenario: The liveness probe's grace period overrides the pod's
    Given the target app with 1 replica
    And the target app ignores SIGTERM
    And the pod's terminationGracePeriodSeconds is 60
    And a liveness probe:
      | type    | path     | port | periodSeconds | failureThreshold | terminationGracePeriodSeconds |
      | httpGet | /healthz | 8080 | 1             | 2                | 3                             |
    And a readiness probe:
      | type    | path    | port | periodSeconds |
      | httpGet | /readyz | 8080 | 1             |
    And a startup probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 60               |
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts failing with status 500
    Then pod 1 is restarted within the liveness detection bound
    And the last termination of pod 1 has exit code 137
    And the container of pod 1 exits between 2 and 6 s after it is killed
