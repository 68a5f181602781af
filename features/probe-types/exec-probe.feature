@probe-types @exec
Feature: Exec probe results
  The command's exit code decides; its output (stdout and stderr) becomes the event message. A command that outlives
  timeoutSeconds is a failure: "command timed out" on current kubelets, an empty message on v1.20.

  Scenario: A non-zero exit is a failure whose output is the message
    Given the target app with 1 replica
    And a readiness probe:
      | type | command                                   | periodSeconds | failureThreshold |
      | exec | sh -c "echo database unreachable; exit 1" | 1             | 1                |
    And no liveness probe
    And no startup probe
    When the target app is deployed
    Then an event "Unhealthy" with message matching "^Readiness probe failed: database unreachable\s*$" is recorded for pod 1
    And the container of pod 1 stays not ready for 3 s

  Scenario: A command that outlives its timeout is a failure
    Given the target app with 1 replica
    And a liveness probe:
      | type | command     | periodSeconds | timeoutSeconds | failureThreshold |
      | exec | sh -c "sleep 5" | 2         | 1              | 2                |
    And no readiness probe
    And no startup probe
    When the target app is deployed
    Then pod 1 is restarted within 20 s
    And an event "Unhealthy" with message matching "^Liveness probe failed: (command timed out: \"sh -c sleep 5\" timed out after 1s)?$" is recorded for pod 1
