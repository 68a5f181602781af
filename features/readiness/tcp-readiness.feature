@readiness @tcp
Feature: TCP readiness probe

  Scenario: A closed TCP port makes the pod not Ready until it reopens
    Given the target app with 1 replica
    And a readiness probe:
      | type      | port | periodSeconds | failureThreshold |
      | tcpSocket | 8081 | 1             | 2                |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    And the TCP port of pod 1 closes
    Then pod 1 becomes not Ready within the readiness detection bound
    And an event "Unhealthy" with message matching "^Readiness probe failed: dial tcp [^ ]+:8081: connect: connection refused$" is recorded for pod 1
    When the TCP port of pod 1 reopens
    Then pod 1 becomes Ready within the readiness detection bound
    And the restart count of pod 1 is 0
