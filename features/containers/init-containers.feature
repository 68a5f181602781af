@init
Feature: Init containers
  Init containers run one at a time, in order, each to completion, before any app container starts; the pod is Pending
  and its Initialized condition False until the last one exited 0. A failed one is started again (only that one) under
  the pod's restartPolicy, with the same crash-loop back-off as app containers (10 s, 20 s, … after the first retry).
  Here the init container runs the target app with EXIT_AFTER_SECONDS: it ends by itself, as a migration would.

  Scenario: An init container runs to completion before the app container starts
    Given the target app with 1 replica
    And no liveness probe
    And no readiness probe
    And no startup probe
    And an init container "migrate" running the target app that exits with code 0 after 3 s
    When the target app is deployed and Ready
    Then the last termination of container "migrate" of pod 1 has reason "Completed" and exit code 0
    And container "target-app" of pod 1 started at least 3 s after container "migrate"
    And the Initialized condition of pod 1 is True
    And the restart count of container "migrate" of pod 1 is 0

  Scenario: A failing init container is retried until it succeeds, and only then does the app start
    Given the target app with 1 replica
    And no liveness probe
    And no readiness probe
    And no startup probe
    And an init container "migrate" running the target app that exits with code 1 after 1 s on its first 2 runs, then with 0
    When the target app is deployed and Ready
    Then the restart count of container "migrate" of pod 1 is 2
    And the last termination of container "migrate" of pod 1 has reason "Completed" and exit code 0
    And the Initialized condition of pod 1 is True
    And an event "BackOff" with message matching "^Back-off restarting failed container" is recorded for pod 1
    And the restart count of pod 1 is 0
