@harness @input-errors
Feature: A mistake in a scenario is named, never run
  The step library refuses what it cannot mean, naming the column, row and allowed values, so a typo never turns
  into a scenario that quietly asserts nothing. These scenarios check the step library itself; they deploy nothing.

  Scenario: An unknown probe table column is named with the allowed columns
    Then this liveness probe table is refused with "unknown column 'periodSecond'":
      | type    | path     | port | periodSecond |
      | httpGet | /healthz | 8080 | 1            |

  Scenario: A bad value is named with its row and column
    Then this readiness probe table is refused with "row 1, column 'periodSeconds': '-1' is not a whole number":
      | type    | path    | port | periodSeconds |
      | httpGet | /readyz | 8080 | -1            |

  Scenario: A liveness successThreshold other than 1 is refused as Kubernetes' validation would
    Then this liveness probe table is refused with "must be 1 for liveness probes":
      | type    | path     | port | successThreshold |
      | httpGet | /healthz | 8080 | 2                |

  Scenario: A named probe port that no container port has is refused before anything is deployed
    The API server accepts such a probe, but the kubelet errors on every attempt and discards it: the scenario would
    assert nothing, so the harness refuses it and names the field.
    Given the target app with 1 replica
    And a liveness probe:
      | type    | path     | port    | periodSeconds |
      | httpGet | /healthz | metrics | 1             |
    Then deploying the target app is refused with "spec.template.spec.containers[0].livenessProbe.httpGet.port: Not found"
