@probe-types @tcp
Feature: TCP probe results
  A tcpSocket probe succeeds as soon as the connection opens; it sends nothing.

  Scenario: A listening port is healthy, a port nobody listens on is not
    Given the target app with 1 replica
    And a readiness probe:
      | type      | port | periodSeconds | failureThreshold |
      | tcpSocket | 8081 | 1             | 1                |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    Then pod 1 stays Ready for 3 s

  Scenario: A port nobody listens on is refused
    Given the target app with 1 replica
    And a readiness probe:
      | type      | port | periodSeconds | failureThreshold |
      | tcpSocket | 8089 | 1             | 1                |
    And no liveness probe
    And no startup probe
    When the target app is deployed
    Then an event "Unhealthy" with message matching "^Readiness probe failed: dial tcp [^ ]+:8089: connect: connection refused$" is recorded for pod 1
    And the container of pod 1 stays not ready for 3 s
