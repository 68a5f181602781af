@readiness @http @min-k8s-1.22
Feature: publishNotReadyAddresses
  With publishNotReadyAddresses the EndpointSlice controller marks every endpoint ready=true, even of a pod that is
  not Ready; serving still follows the pod's Ready condition (serving exists from Kubernetes 1.22).

  Scenario: A not-Ready pod stays ready=true in the EndpointSlice
    Given the target app with 1 replica
    And the Service publishes not-ready addresses
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 1             | 2                |
    And no liveness probe
    And no startup probe
    When the target app is deployed and Ready
    And the readiness endpoint of pod 1 starts failing with status 503
    Then pod 1 becomes not Ready within the readiness detection bound
    And the endpoint of pod 1 has ready=true, serving=false within the readiness detection bound
    And the endpoint of pod 1 keeps ready=true for 3 s
