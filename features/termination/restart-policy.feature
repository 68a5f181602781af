@termination @liveness @http
Feature: Restart policy
  A Deployment's pods always have restartPolicy Always (the API rejects OnFailure and Never there): every exit, a
  crash or a liveness kill, is followed by a restart in the same pod. OnFailure and Never apply to bare pods and Jobs,
  which this harness does not deploy.

  Scenario: A crash restarts the container, with the app's own exit code
    Given the target app with 1 replica
    And the pod's restartPolicy is Always
    And no liveness probe
    And no readiness probe
    And no startup probe
    When the target app is deployed and Ready
    And pod 1 answers requests
    And pod 1 crashes with exit code 3
    Then pod 1 is restarted within 15 s
    And the last termination of pod 1 has reason "Error" and exit code 3
    And the restart count of pod 1 is 1
