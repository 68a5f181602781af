@article
Feature: The article's real-world use cases
  Each use case the article lists, run against the kubelet.
  Where the start is not a scenario's subject, a startup probe (the liveness check, 60 failures allowed) holds liveness
  off until the app answers, and a readiness probe makes Ready follow at once (v1.20 otherwise waits for its next sync):
  on a loaded node a start slower than a 2–4 s liveness budget would be killed before the fault.

  @readiness @http
  Scenario: Database connectivity: readiness takes the pod out of traffic until the connection is restored
    The article says the container "is removed from the service endpoints until the connection is restored". The
    kubelet marks the pod not Ready; its endpoint stays listed with ready=false and gets no traffic; when the database
    is back the pod is Ready again. It is never restarted.
    Given the target app with 2 replicas
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 1             | 2                |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    And the dependency becomes unavailable for pod 1
    Then pod 1 becomes not Ready within the readiness detection bound
    And the endpoint of pod 1 has ready=false within the readiness detection bound
    And pod 1 stays listed in the EndpointSlice for 2 s
    When 20 requests are sent through the Service over 4 s
    Then every request through the Service was answered by pod 2
    When the dependency becomes available again for pod 1
    Then pod 1 becomes Ready within the readiness detection bound
    And the endpoint of pod 1 has ready=true within the readiness detection bound
    And the restart count of pod 1 is 0

  @startup @http
  Scenario: Slow initialization: a startup probe keeps liveness from failing a slow start
    Given the target app with 1 replica
    And the target app starts listening 4 s after it starts
    And the target app's startup takes 4 s after it starts listening
    And a startup probe:
      | type    | path      | port | periodSeconds | failureThreshold |
      | httpGet | /startupz | 8080 | 1             | 30               |
    And a liveness probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 1                |
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 1             | 1                |
    When the target app is deployed
    Then pod 1 becomes Ready within the startup bound
    And the restart count of pod 1 is 0
    And no event "Unhealthy" with message matching "^(Liveness|Readiness) probe failed" is recorded for pod 1

  @liveness @exec
  Scenario: Memory leak: an exec liveness probe that checks memory restarts the leaking container
    The target app writes its memory use (MB) to MEMORY_FILE every second; the probe fails above 300 MB. The new
    container starts small again.
    Given the target app with 1 replica
    And the target app environment variable MEMORY_FILE is "/tmp/memory-mb"
    And a liveness probe:
      | type | command                                            | periodSeconds | timeoutSeconds | failureThreshold |
      | exec | sh -c "test $(cat /tmp/memory-mb) -lt 300"         | 1             | 2              | 2                |
    And a readiness probe:
      | type    | path    | port | periodSeconds |
      | httpGet | /readyz | 8080 | 1             |
    And a startup probe:
      | type | command                                    | timeoutSeconds | periodSeconds | failureThreshold |
      | exec | sh -c "test $(cat /tmp/memory-mb) -lt 300" | 2              | 1             | 60               |
    When the target app is deployed and Ready
    Then pod 1 is not restarted for 3 s
    When pod 1 leaks 400 MB of memory
    Then pod 1 is restarted within 15 s
    And an event "Unhealthy" with message matching "^Liveness probe failed" is recorded for pod 1
    And pod 1 is not restarted for 5 s

  @readiness @http
  Scenario: API dependency: readiness follows the downstream API, without restarts
    If the API every pod depends on is down, every pod goes not Ready and comes back when it returns. While no pod is
    Ready the Service has no ready endpoint: readiness protects callers from broken pods, it cannot serve them.
    Given the target app with 2 replicas
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 1             | 2                |
    And a liveness probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 2                |
    And a startup probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 60               |
    When the target app is deployed and Ready
    And the dependency becomes unavailable for every pod
    Then every pod becomes not Ready within the readiness detection bound
    And no pod is restarted for 3 s
    When the dependency becomes available again for every pod
    Then every pod becomes Ready within the readiness detection bound
