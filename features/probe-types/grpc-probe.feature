@probe-types @grpc @min-k8s-1.24
Feature: gRPC probe results
  A grpc probe calls grpc.health.v1.Health/Check with the probe's service name; only SERVING counts.

  Scenario: The health service named by the probe is the one asked
    Given the target app with 1 replica
    And a readiness probe:
      | type | port | service  | periodSeconds | failureThreshold |
      | grpc | 9090 | liveness | 1             | 1                |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    And the readiness endpoint of pod 1 starts failing with status 503
    Then pod 1 stays Ready for 3 s
    When the liveness endpoint of pod 1 starts failing with status 500
    Then pod 1 becomes not Ready within the readiness detection bound

  Scenario: A port without a gRPC server fails to connect
    Given the target app with 1 replica
    And a readiness probe:
      | type | port | periodSeconds | timeoutSeconds | failureThreshold |
      | grpc | 8089 | 1             | 1              | 1                |
    And no liveness probe
    And no startup probe
    When the target app is deployed
    Then an event "Unhealthy" with message matching "^Readiness probe failed: .*(failed to connect|connection refused)" is recorded for pod 1
    And the container of pod 1 stays not ready for 3 s
