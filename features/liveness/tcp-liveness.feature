@liveness @tcp
Feature: TCP liveness probe
  A tcpSocket probe only opens a connection to the port (and closes it at once); a refused connection is a failure.

  Scenario: A closed TCP port restarts the container
    Given the target app with 1 replica
    And a liveness probe:
      | type      | port | periodSeconds | timeoutSeconds | failureThreshold |
      | tcpSocket | 8081 | 1             | 1              | 3                |
    And no readiness probe
    And no startup probe
    When the target app is deployed and Ready
    And the TCP port of pod 1 closes
    Then pod 1 is restarted within the liveness detection bound
    And an event "Unhealthy" with message matching "^Liveness probe failed: dial tcp [^ ]+:8081: connect: connection refused$" is recorded for pod 1
    And the last termination of pod 1 has reason "Completed" and exit code 0
    And pod 1 is not restarted for 8 s

  Scenario: An open TCP port keeps the container alive while its HTTP endpoints fail
    The tcpSocket probe sees only the listening socket, not the app's health.
    Given the target app with 1 replica
    And a liveness probe:
      | type      | port | periodSeconds | failureThreshold |
      | tcpSocket | 8081 | 1             | 2                |
    And no readiness probe
    And no startup probe
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts failing with status 500
    Then pod 1 is not restarted for 8 s
    And no event "Unhealthy" is recorded for pod 1 after the fault
