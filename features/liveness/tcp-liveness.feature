@liveness @tcp
Feature: TCP liveness probe
  A tcpSocket probe only opens a connection to the port (and closes it at once); a refused connection is a failure.
  Where the start is not a scenario's subject, a startup probe (the liveness check, 60 failures allowed) holds liveness
  off until the app answers, and a readiness probe makes Ready follow at once (v1.20 otherwise waits for its next sync):
  on a loaded node a start slower than a 2–4 s liveness budget would be killed before the fault.

  Scenario: A closed TCP port restarts the container
    Given the target app with 1 replica
    And a liveness probe:
      | type      | port | periodSeconds | timeoutSeconds | failureThreshold |
      | tcpSocket | 8081 | 1             | 1              | 3                |
    And a readiness probe:
      | type    | path    | port | periodSeconds |
      | httpGet | /readyz | 8080 | 1             |
    And a startup probe:
      | type      | port | periodSeconds | failureThreshold |
      | tcpSocket | 8081 | 1             | 60               |
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
    And a readiness probe:
      | type    | path    | port | periodSeconds |
      | httpGet | /readyz | 8080 | 1             |
    And a startup probe:
      | type      | port | periodSeconds | failureThreshold |
      | tcpSocket | 8081 | 1             | 60               |
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts failing with status 500
    Then pod 1 is not restarted for 8 s
    And no event "Unhealthy" is recorded for pod 1 after the fault
