@own-app
Feature: Your own app through the probe fault proxy
  The harness deploys examples/own-app/deploy/own-app.yaml — an app that is not the target app, with its own probe values —
  and puts the probe fault proxy beside it: the target app in proxy mode, which forwards every httpGet, tcpSocket and
  gRPC probe to the app on localhost and, on demand, applies the fault steps' faults. Without a fault the probes see the
  app's own answers; the proxy's added latency and the app's start and probe latencies are recorded for each scenario.

  Background:
    Given the workload in "../deploy/own-app.yaml"

  Scenario: The own app starts and becomes Ready through the proxy
    When the target app is deployed
    Then the container of pod 1 is started within the startup bound
    And pod 1 becomes Ready within 60 s
    And pod 1 stays Ready for 5 s
    And pod 1 is not restarted for 5 s

  Scenario: A failing liveness probe of the own app restarts it within the bound its probe allows
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts failing with status 503
    Then pod 1 is restarted within the liveness detection bound
    And an event "Unhealthy" with message "Liveness probe failed: HTTP probe failed with statuscode: 503" is recorded for pod 1
    And the restart count of pod 1 is 1

  Scenario: A failing readiness probe takes the own app out of its Service, and it returns when the probe recovers
    When the target app is deployed and Ready
    And the readiness endpoint of pod 1 starts failing with status 500
    Then pod 1 becomes not Ready within the readiness detection bound
    And the endpoint of pod 1 has ready=false within 30 s
    When the readiness endpoint of pod 1 recovers
    Then pod 1 becomes Ready within 30 s
    And the restart count of pod 1 is 0

  Scenario: An exec probe of the own app runs through the proxy's shim, and a readiness fault reaches it
    Given a readiness probe:
      | type | command      | periodSeconds | timeoutSeconds | failureThreshold |
      | exec | sh -c exit 0 | 1             | 2              | 2                |
    When the target app is deployed and Ready
    And the readiness endpoint of pod 1 starts failing with status 500
    Then pod 1 becomes not Ready within the readiness detection bound
    And an event "Unhealthy" with message matching "^Readiness probe failed: probe fault proxy: readiness fault" is recorded for pod 1
    When the readiness endpoint of pod 1 recovers
    Then pod 1 becomes Ready within 30 s
    And the restart count of pod 1 is 0

  Scenario: A frozen app hangs its HTTP probes until liveness kills it, which takes the grace period (SIGTERM waits while it is stopped)
    When the target app is deployed and Ready
    And the app of pod 1 freezes
    Then pod 1 is restarted within the liveness detection bound
    And an event "Unhealthy" with message matching "^Liveness probe failed: .*(Client\.Timeout|context deadline exceeded|timeout)" is recorded for pod 1

  Scenario: A killed app is restarted by the kubelet with exit code 137
    When the target app is deployed and Ready
    And the app of pod 1 is killed
    Then the restart count of pod 1 is at least 1
    And the last termination of pod 1 has exit code 137
    And pod 1 becomes Ready within 60 s

  Scenario: The own app exits by itself on SIGTERM when its pod is deleted
    When the target app is deployed and Ready
    And pod 1 is deleted
    Then the app of pod 1 exits with code 0 within 20 s after SIGTERM
