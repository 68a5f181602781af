@liveness @grpc @min-k8s-1.24
Feature: gRPC liveness probe
  A grpc probe calls grpc.health.v1.Health/Check (service "" unless set); only SERVING is healthy. gRPC probes are
  beta and on by default from Kubernetes 1.24 (GA in 1.27), so older clusters skip these scenarios.

  Scenario: A NOT_SERVING health check restarts the container
    Given the target app with 1 replica
    And a liveness probe:
      | type | port | periodSeconds | timeoutSeconds | failureThreshold |
      | grpc | 9090 | 1             | 1              | 3                |
    And no readiness probe
    And no startup probe
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts failing with status 500
    Then pod 1 is restarted within the liveness detection bound
    And an event "Unhealthy" with message "Liveness probe failed: service unhealthy (responded with \"NOT_SERVING\")" is recorded for pod 1
    And pod 1 is not restarted for 8 s
