@article
Feature: The article's core concepts
  "Orchestrating Chaos" defines the three probes. Each definition, checked against a real kubelet. Where the article
  and the kubelet differ, the scenario follows the kubelet and says so.
  Where the start is not a scenario's subject, a startup probe (the liveness check, 60 failures allowed) holds liveness
  off until the app answers, and a readiness probe makes Ready follow at once (v1.20 otherwise waits for its next sync):
  on a loaded node a start slower than a 2–4 s liveness budget would be killed before the fault.

  @liveness @http
  Scenario: Liveness: if the liveness probe fails, Kubernetes restarts the container
    Precisely: the kubelet restarts the container (not the pod) after failureThreshold consecutive failures.
    Given the target app with 1 replica
    And a liveness probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 3                |
    And no readiness probe
    And a startup probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 60               |
    When the target app is deployed and Ready
    And the liveness endpoint of pod 1 starts failing with status 500
    Then pod 1 is restarted within the liveness detection bound
    And the restart count of pod 1 is 1

  @readiness @http
  Scenario: Readiness: if the readiness probe fails, the pod stops receiving Service traffic
    The article says the container is "removed from the service endpoints". The kubelet marks the pod not Ready and the
    EndpointSlice keeps listing it with ready=false; Services then send it no traffic, which is the effect the article
    means.
    Given the target app with 2 replicas
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 1             | 2                |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    And the readiness endpoint of pod 1 starts failing with status 503
    Then pod 1 becomes not Ready within the readiness detection bound
    And the endpoint of pod 1 has ready=false within the readiness detection bound
    And pod 1 stays listed in the EndpointSlice for 2 s
    When 20 requests are sent through the Service over 4 s
    Then every request through the Service was answered by pod 2
    And pod 1 is not restarted for 2 s

  @startup @http
  Scenario: Startup: until the startup probe succeeds, liveness and readiness probes are disabled
    Given the target app with 1 replica
    And the target app's startup takes 5 s after it starts listening
    And a startup probe:
      | type    | path      | port | periodSeconds | failureThreshold |
      | httpGet | /startupz | 8080 | 1             | 20               |
    And the liveness endpoint fails with status 500 from the start
    And a liveness probe:
      | type    | path     | port | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8080 | 1             | 1                |
    And no readiness probe
    When the target app is deployed
    Then the container of pod 1 stays not started for 3 s
    And no event "Unhealthy" with message matching "^Liveness probe failed" is recorded for pod 1
    And the container of pod 1 is started within the startup bound
    And an event "Unhealthy" with message "Liveness probe failed: HTTP probe failed with statuscode: 500" is recorded for pod 1
    And pod 1 is restarted within 20 s

  @probe-types @http
  Scenario: HTTP probe: a response from 200 to 399 indicates a healthy state
    The kubelet counts 2xx as success. A 3xx counts as success only when the redirect is not followed (another host):
    the kubelet then records a ProbeWarning. Redirects to the same host are followed and their target decides.
    Given the target app with 1 replica
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 1             | 1                |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    And the readiness endpoint of pod 1 redirects to "http://elsewhere.invalid/"
    Then an event "ProbeWarning" is recorded for pod 1
    And pod 1 stays Ready for 3 s

  @probe-types @tcp
  Scenario: TCP probe: a successful connection indicates a healthy state
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
    Then pod 1 is not restarted for 4 s
    When the TCP port of pod 1 closes
    Then pod 1 is restarted within the liveness detection bound

  @probe-types @exec
  Scenario: Exec probe: exit code 0 indicates a healthy state
    Given the target app with 1 replica
    And a liveness probe:
      | type | command          | periodSeconds | timeoutSeconds | failureThreshold |
      | exec | cat /tmp/healthy | 1             | 2              | 2                |
    And a readiness probe:
      | type    | path    | port | periodSeconds |
      | httpGet | /readyz | 8080 | 1             |
    And a startup probe:
      | type | command          | timeoutSeconds | periodSeconds | failureThreshold |
      | exec | cat /tmp/healthy | 2              | 1             | 60               |
    When the target app is deployed and Ready
    Then pod 1 is not restarted for 4 s
    When the liveness endpoint of pod 1 starts failing with status 500
    Then pod 1 is restarted within the liveness detection bound
