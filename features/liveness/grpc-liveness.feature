@liveness @grpc @min-k8s-1.24
Feature: gRPC liveness probe
  A grpc probe calls grpc.health.v1.Health/Check (service "" unless set); only SERVING is healthy. gRPC probes are
  beta and on by default from Kubernetes 1.24 (GA in 1.27), so older clusters skip these scenarios.
  Where the start is not a scenario's subject, a startup probe (the liveness check, 60 failures allowed) holds liveness
  off until the app answers, and a readiness probe makes Ready follow at once (v1.20 otherwise waits for its next sync):
  on a loaded node a start slower than a 2–4 s liveness budget would be killed before the fault.

  Scenario: A NOT_SERVING health check restarts the container
    Given the target app with 1 replica
    And a liveness probe:
      | type | port | periodSeconds | timeoutSeconds | failureThreshold |
      | grpc | 9090 | 1             | 1              | 3                |
    And a readiness probe:
      | type    | path    | port | periodSeconds |
      | httpGet | /readyz | 8080 | 1             |
    And a startup probe:
      | type | port | periodSeconds | failureThreshold |
      | grpc | 9090 | 1             | 60               |
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts failing with status 500
    Then pod 1 is restarted within the liveness detection bound
    And an event "Unhealthy" with message "Liveness probe failed: service unhealthy (responded with \"NOT_SERVING\")" is recorded for pod 1
    And pod 1 is not restarted for 8 s
