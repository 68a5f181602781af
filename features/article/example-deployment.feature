@article @http
Feature: The article's example deployment
  The article's Flask app sleeps 10 s before it listens; its Deployment has liveness and readiness probes on /healthz
  and /readyz (initialDelaySeconds 5, periodSeconds 10) and a startup probe on /healthz allowing 30 × 10 s. The
  default manifest (manifests/target-app.yaml) carries exactly these probes; the target app waits 10 s before it
  listens. The article's real values are the point here, so this scenario takes about half a minute.

  @startup @liveness @readiness
  Scenario: The slow-starting app becomes Ready without a single restart
    Given the target app with 3 replicas
    And the target app starts listening 10 s after it starts
    When the target app is deployed
    Then the container of pod 1 stays not started for 5 s
    And every pod becomes Ready within the startup bound
    And the restart count of pod 1 is 0
    And no pod is restarted for 5 s
    And no event "Killing" is recorded for any pod
