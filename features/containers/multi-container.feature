@multi-container
Feature: Pods with several app containers
  Probes act per container: a container's failing liveness probe restarts that container only, with its own restart
  count; the pod is Ready only when every container is ready (ContainersReady), and its endpoint follows the pod.
  Each added container runs the target app on ports of its own, as the pod's containers share one network: the n-th
  added one listens on 8080 + n·100 (http), 8081 + n·100 (tcp) and 9090 + n·100 (grpc).

  Scenario: A liveness failure of the second container restarts only that container
    Given the target app with 1 replica
    And no liveness probe
    And no readiness probe
    And no startup probe
    And an app container "worker" running the target app
    And a liveness probe on container "worker":
      | type    | path     | port | initialDelaySeconds | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8180 | 10                  | 1             | 2                |
    When the target app is deployed and Ready
    And the liveness endpoint of container "worker" of pod 1 starts failing with status 500
    Then container "worker" of pod 1 is restarted at least 1 time within 40 s
    And the restart count of container "worker" of pod 1 is 1
    And the last termination of container "worker" of pod 1 has reason "Completed" and exit code 0
    And an event "Killing" with message "Container worker failed liveness probe, will be restarted" is recorded for pod 1
    And container "target-app" of pod 1 is not restarted for 5 s

  Scenario: The pod is Ready only while every container is ready
    Given the target app with 1 replica
    And no liveness probe
    And a readiness probe:
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8080 | 1             | 1                |
    And no startup probe
    And an app container "worker" running the target app
    And a readiness probe on container "worker":
      | type    | path    | port | periodSeconds | failureThreshold |
      | httpGet | /readyz | 8180 | 1             | 1                |
    When the target app is deployed and Ready
    And the readiness endpoint of container "worker" of pod 1 starts failing with status 503
    Then pod 1 becomes not Ready within 15 s
    And the Ready condition of pod 1 is False with reason "ContainersNotReady"
    And the endpoint of pod 1 has ready=false within 15 s
    And container "target-app" of pod 1 stays ready for 3 s
    When the readiness endpoint of container "worker" of pod 1 recovers
    Then pod 1 becomes Ready within 15 s
    And the endpoint of pod 1 has ready=true within 15 s
    And no pod is restarted for 2 s

  Scenario: A crash of the second container restarts it with its own exit code and leaves the first alone
    Without probes the pod is Ready as soon as the worker runs, before its app listens: the crash is delivered once
    the app answers.
    Given the target app with 1 replica
    And no liveness probe
    And no readiness probe
    And no startup probe
    And an app container "worker" running the target app
    And the environment variable LISTEN_DELAY_SECONDS of container "worker" is "3"
    When the target app is deployed and Ready
    And container "worker" of pod 1 crashes with exit code 3
    Then container "worker" of pod 1 is restarted at least 1 time within 30 s
    And the last termination of container "worker" of pod 1 has reason "Error" and exit code 3
    And container "target-app" of pod 1 is not restarted for 3 s

  Scenario: Without readiness probes the pod and its endpoint stay Ready through the second container's liveness restart
    The kubelet kills and restarts the container in one pod sync and publishes the pod's status once per sync; a
    running container without a readiness probe is ready.
    Given the target app with 1 replica
    And no liveness probe
    And no readiness probe
    And no startup probe
    And an app container "worker" running the target app
    And a liveness probe on container "worker":
      | type    | path     | port | initialDelaySeconds | periodSeconds | failureThreshold |
      | httpGet | /healthz | 8180 | 10                  | 1             | 2                |
    When the target app is deployed and Ready
    And the liveness endpoint of container "worker" of pod 1 starts failing with status 500
    Then pod 1 and its endpoint stay Ready through a restart of container "worker" within 40 s
    And the restart count of container "worker" of pod 1 is 1
