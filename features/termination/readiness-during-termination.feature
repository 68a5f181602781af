@termination @readiness @http
Feature: Probes while a pod terminates
  When a pod is deleted the kubelet stops its liveness and startup probes but keeps probing readiness through the
  grace period: an app that fails readiness on SIGTERM goes not Ready while it still runs, and is not restarted.
  The EndpointSlice keeps a terminating pod listed as terminating=true, ready=false (Kubernetes 1.22+; v1.20 drops
  the endpoint at once).

  # With failureThreshold 1 a loaded node would otherwise kill a slow start (the startup probe holds liveness off until
  # the app answers) or take pod 2 out of Ready for one answer slower than the default 1 s (hence 3 s), for reasons this
  # scenario is not about.
  Scenario: A terminating pod goes not Ready and is not restarted
    Given the target app with 2 replicas
    And the pod's terminationGracePeriodSeconds is 20
    And the target app keeps serving for 8 s after SIGTERM
    And the readiness endpoint fails once the target app is shutting down
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold | timeoutSeconds |
      | httpGet | /readyz | 8080 | 1             | 1                | 3              |
    And a liveness probe:
      | type    | path     | port | periodSeconds | failureThreshold | timeoutSeconds |
      | httpGet | /healthz | 8080 | 1             | 1                | 3              |
    And a startup probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 60               |
    When the target app is deployed and Ready
    And pod 1 is deleted
    Then pod 1 becomes not Ready within 5 s
    And an event "Unhealthy" with message "Readiness probe failed: HTTP probe failed with statuscode: 503" is recorded for pod 1
    And pod 1 is not restarted for 4 s
    And pod 2 stays Ready for 2 s

  @min-k8s-1.22
  Scenario: A terminating pod's endpoint is listed as terminating, not ready
    Given the target app with 1 replica
    And the pod's terminationGracePeriodSeconds is 20
    And the target app keeps serving for 8 s after SIGTERM
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 1             | 1                |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    And pod 1 is deleted
    Then the endpoint of pod 1 has ready=false, terminating=true within 5 s
