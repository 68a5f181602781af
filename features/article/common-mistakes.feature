@article
Feature: The article's common mistakes, each as a runnable contrast
  Every mistake the article names, run next to its fix. The numbers are the kubelet's, from the probe spec.
  Where the start is not a scenario's subject, a startup probe (the liveness check, 60 failures allowed) holds liveness
  off until the app answers, and a readiness probe makes Ready follow at once (v1.20 otherwise waits for its next sync):
  on a loaded node a start slower than a 2–4 s liveness budget would be killed before the fault.

  @liveness @http
  Scenario: Mistake — a liveness probe that checks a dependency restarts every pod during an outage
    The dependency (a database, say) is down for every pod and stays down across restarts. Restarting cannot fix it,
    yet the liveness probe restarts every container again and again: a restart storm.
    Given the target app with 2 replicas
    And the liveness endpoint also checks the dependency
    And faults survive container restarts
    And a liveness probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 2                |
    And no readiness probe
    And no startup probe
    When the target app is deployed and Ready
    And the dependency becomes unavailable for every pod
    Then every pod is restarted at least 2 times within 40 s
    And an event "Killing" with message "Container target-app failed liveness probe, will be restarted" is recorded for pod 2

  @readiness @http
  Scenario: Fix — the dependency checked by readiness only: no restart, and no failed requests with two replicas
    The dependency is lost by pod 1 only. Its readiness probe takes it out of traffic; nothing restarts it; once it
    is not Ready, every request goes to pod 2 and none fails.
    Given the target app with 2 replicas
    And faults survive container restarts
    And a liveness probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 2                |
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 1             | 2                |
    And a startup probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 60               |
    When the target app is deployed and Ready
    And the dependency becomes unavailable for pod 1
    Then pod 1 becomes not Ready within the readiness detection bound
    When 30 requests are sent through the Service over 6 s
    Then no request through the Service failed
    And every request through the Service was answered by pod 2
    And no pod is restarted for 3 s

  @readiness @http
  Scenario: Mistake — no readiness probe: requests fail while a new pod starts
    Without a readiness probe a pod is Ready as soon as its container runs, so the Service sends it requests during
    the 6 s before the app listens, and they fail.
    Given the target app with 1 replica
    And the target app starts listening 6 s after it starts
    And no readiness probe
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    And pod 1 answers requests
    And requests are sent through the Service every 100 ms
    And the Deployment is scaled to 2 replicas
    Then pod 2 is listed in the EndpointSlice within 10 s
    And every pod stays Ready for 8 s
    And at least 1 request through the Service failed

  @readiness @http
  Scenario: Fix — a readiness probe keeps requests away from a pod until it listens
    Given the target app with 1 replica
    And the target app starts listening 6 s after it starts
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 1             | 1                |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    And requests are sent through the Service every 100 ms
    And the Deployment is scaled to 2 replicas
    Then pod 2 becomes Ready within 20 s
    And every pod stays Ready for 2 s
    And no request through the Service failed
    And the requests through the Service were answered by at least 2 pods

  @liveness @http
  Scenario: Mistake — a timeout shorter than the app's latency restarts a healthy app
    The app answers correctly, only slowly (1.6 s); a 1 s timeout turns that latency into liveness failures.
    Given the target app with 1 replica
    And a liveness probe:
      | type    | path     | port | periodSeconds | timeoutSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 2             | 1              | 2                |
    And a readiness probe:
      | type    | path    | port | periodSeconds |
      | httpGet | /readyz | 8080 | 1             |
    And a startup probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 60               |
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts answering after 1600 ms
    Then pod 1 is restarted within the liveness detection bound
    And an event "Unhealthy" with message matching "^Liveness probe failed: .*(context deadline exceeded|Client.Timeout)" is recorded for pod 1

  @liveness @http
  Scenario: Fix — a timeout above the app's latency
    Given the target app with 1 replica
    And a liveness probe:
      | type    | path     | port | periodSeconds | timeoutSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 2             | 3              | 2                |
    And a readiness probe:
      | type    | path    | port | periodSeconds |
      | httpGet | /readyz | 8080 | 1             |
    And a startup probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 60               |
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts answering after 1600 ms
    Then pod 1 is not restarted for 10 s
    And no event "Unhealthy" is recorded for pod 1 after the fault

  @liveness @http
  Scenario: Mistake — initialDelaySeconds too low for a slow start: the container is killed before it listens
    The app needs 5 s before it listens; a liveness probe with no delay and a 1 s period kills it every time, so it
    never becomes Ready.
    Given the target app with 1 replica
    And the target app starts listening 5 s after it starts
    And a liveness probe:
      | type    | path     | port | initialDelaySeconds | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 0                   | 1             | 1                |
    And no readiness probe
    And no startup probe
    When the target app is deployed
    Then pod 1 is restarted at least 2 times within 30 s

  @liveness @http
  Scenario: Fix — an initial delay that covers the start
    Given the target app with 1 replica
    And the target app starts listening 5 s after it starts
    And a liveness probe:
      | type    | path     | port | initialDelaySeconds | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 9                   | 1             | 1                |
    And no readiness probe
    And no startup probe
    When the target app is deployed
    Then pod 1 is not restarted for 15 s

  @readiness @http
  Scenario: Mistake — a long periodSeconds keeps a broken pod in traffic
    The article warns that periodSeconds set too high causes trouble; what a long period really does is delay
    detection: with a 5 s period and failureThreshold 3 a pod whose dependency is gone stays Ready for 10 s or more,
    and the requests it gets fail.
    Given the target app with 2 replicas
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 5             | 3                |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    And requests are sent through the Service every 200 ms
    And the dependency becomes unavailable for pod 1
    Then pod 1 stays Ready for 9 s
    And pod 1 becomes not Ready within the readiness detection bound
    And at least 1 request through the Service failed

  @readiness @http
  Scenario: Mistake — assuming probes replace error handling: requests fail inside the detection window
    Even a well-tuned readiness probe reacts only after failureThreshold failures; requests in between reach the
    broken pod. Probes are a safety net, not error handling.
    Given the target app with 2 replicas
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 2             | 3                |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    And requests are sent through the Service every 100 ms
    And the dependency becomes unavailable for pod 1
    Then pod 1 becomes not Ready within the readiness detection bound
    And at least 1 request through the Service failed

  @readiness @tcp @http
  Scenario: Mistake — a readiness probe that ignores a dependency keeps a broken pod in traffic
    A tcpSocket readiness probe only sees the port: pod 1 stays Ready without its dependency and its requests fail.
    Given the target app with 2 replicas
    And a readiness probe:
      | type      | port | periodSeconds | failureThreshold |
      | tcpSocket | 8081 | 1             | 2                |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    And the dependency becomes unavailable for pod 1
    Then pod 1 stays Ready for 5 s
    When 30 requests are sent through the Service over 6 s
    Then at least 1 request through the Service failed
