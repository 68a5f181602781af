@startup @readiness @http
Feature: Readiness right after startup success
  Startup success queues a pod sync, and that sync triggers an immediate readiness probe: a container becomes Ready
  within moments of passing its startup probe, not a readiness period later. Measured on v1.32; v1.20 waits for the
  next readiness tick (the immediate probe came with Kubernetes 1.21), so older clusters skip this.

  @min-k8s-1.21
  Scenario: Ready within moments of startup success despite a 10 s readiness period
    Given the target app with 1 replica
    And the target app's startup takes 4 s after it starts listening
    And a startup probe:
      | type    | path      | port | periodSeconds | failureThreshold |
      | httpGet | /startupz | 8080 | 1             | 20               |
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 10            | 3                |
    And no liveness probe
    When the target app is deployed
    Then the container of pod 1 is started within the startup bound
    And pod 1 becomes Ready at most 2 s after its container is started

  Scenario: Without a startup probe the container counts as started as soon as it runs
    Given the target app with 1 replica
    And no startup probe
    And no liveness probe
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 1             | 3                |
    When the target app is deployed
    Then the container of pod 1 is started within 5 s
    And pod 1 becomes Ready within 15 s
    And the Initialized condition of pod 1 is True
