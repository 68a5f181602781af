@readiness @http
Feature: HTTP readiness probe
  A failing readiness probe makes the pod not Ready; the EndpointSlice controller then marks its endpoint
  ready=false, serving=false. The endpoint stays listed (it is not removed), Services stop sending it traffic, and the
  container is never restarted. When the probe passes again the pod is Ready and takes traffic again.

  Scenario: A failing readiness endpoint takes the pod out of traffic without restarting it
    Given the target app with 2 replicas
    And a readiness probe:
      | type    | path    | port | periodSeconds | timeoutSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 1             | 1              | 2                |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    And the readiness endpoint of pod 1 starts failing with status 503
    Then pod 1 becomes not Ready within the readiness detection bound
    And the Ready condition of pod 1 is False with reason "ContainersNotReady"
    And the ContainersReady condition of pod 1 is False with reason "ContainersNotReady"
    And the endpoint of pod 1 has ready=false within the readiness detection bound
    And pod 1 stays listed in the EndpointSlice for 2 s
    And an event "Unhealthy" with message "Readiness probe failed: HTTP probe failed with statuscode: 503" is recorded for pod 1
    And pod 2 stays Ready for 2 s
    When 20 requests are sent through the Service over 4 s
    Then every request through the Service was answered by pod 2
    And no request through the Service failed
    And no pod is restarted for 3 s

  @min-k8s-1.22
  Scenario: The endpoint of a not-Ready pod is listed as neither ready nor serving, and not terminating
    The serving and terminating conditions exist from Kubernetes 1.22 (EndpointSliceTerminatingCondition, beta).
    Given the target app with 1 replica
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 1             | 2                |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    Then the endpoint of pod 1 has ready=true, serving=true, terminating=false within 10 s
    When the readiness endpoint of pod 1 starts failing with status 503
    Then the endpoint of pod 1 has ready=false, serving=false, terminating=false within the readiness detection bound

  Scenario: A recovered readiness endpoint brings the pod back into traffic
    Given the target app with 2 replicas
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold | successThreshold |
      | httpGet | /readyz | 8080 | 1             | 2                | 1                |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    And the readiness endpoint of pod 1 starts failing with status 503
    Then pod 1 becomes not Ready within the readiness detection bound
    When the readiness endpoint of pod 1 recovers
    Then pod 1 becomes Ready within the readiness detection bound
    And the endpoint of pod 1 has ready=true within the readiness detection bound
    And the restart count of pod 1 is 0
    When 30 requests are sent through the Service over 3 s
    Then the requests through the Service were answered by at least 2 pods

  Scenario: A pod is not Ready before its first successful readiness probe
    The kubelet starts the readiness result at Failure, so a container is not Ready until the probe passes.
    Given the target app with 1 replica
    And the target app becomes ready 6 s after it starts listening
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 1             | 1                |
    And no liveness probe
    And no startup probe
    When the target app is deployed
    Then the container of pod 1 stays not ready for 3 s
    And pod 1 becomes Ready within 15 s

  Scenario: Without a startup probe a pod becomes Ready at its first passing readiness probe after the app's delay
    Counted from the container's startedAt: the app listens, then /readyz answers 503 for 4 s; the first probe after that
    passes and the kubelet marks the container ready. Nothing restarts meanwhile, and the restart count never goes back.
    Given the target app with 1 replica
    And the target app becomes ready 4 s after it starts listening
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 1             | 1                |
    And no liveness probe
    And no startup probe
    When the target app is deployed
    Then pod 1 becomes Ready between 4 and 20 s after its container started
    And the restart count of pod 1 is at most 0
    And the restart count of pod 1 never decreases for 3 s
