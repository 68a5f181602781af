@readiness @grpc @min-k8s-1.24
Feature: gRPC readiness probe
  The probe's service name picks the health service: the target app's "readiness" service follows its readiness.

  Scenario: A NOT_SERVING readiness service makes the pod not Ready until it serves again
    Given the target app with 1 replica
    And a readiness probe:
      | type | port | service   | periodSeconds | failureThreshold |
      | grpc | 9090 | readiness | 1             | 2                |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    And the readiness endpoint of pod 1 starts failing with status 503 for 5 s
    Then pod 1 becomes not Ready within the readiness detection bound
    And an event "Unhealthy" with message "Readiness probe failed: service unhealthy (responded with \"NOT_SERVING\")" is recorded for pod 1
    And pod 1 becomes Ready within the readiness detection bound
    And the restart count of pod 1 is 0
