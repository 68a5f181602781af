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

  Scenario: A negative replica count reaches the step library's own check
    Then the target app with -1 replicas is refused with "replicas must be 0 or more, not -1."

  Scenario: More replicas than the run's cap are refused, naming the cap and its setting
    Then the target app with 11 replicas is refused with "11 replicas is more than this run allows (10, set by HARNESS_MAX_REPLICAS)"

  Scenario: A number too large for a step is refused naming it, not as an overflow
    Then the step argument "99999999999" is refused with "'99999999999' is out of range: a whole number from"

  Scenario: A wait longer than a day is refused naming its length
    Then a wait of 2147483647 s is refused with "a wait of 2147483647 s is out of range; at most 86400 s is allowed."

  Scenario: A scenario the adapter refuses is recorded as an authoring error naming its file and line
    A file that does not parse, a table row without its closing pipe or a duplicate scenario name never reaches
    Reqnroll's hooks; the step library still writes its record, so the report shows it and never counts it as held.
    Then the record of a scenario refused for "features/x.feature:8: row 1 of the table has no cells" is an authoring error at line 8

  Scenario: An own workload without any probe is refused when it is loaded, naming the file and the field
    Then the workload in "manifests/no-probes.yaml" is refused with "spec.template.spec.containers: no container has a liveness, readiness or startup probe"

  Scenario: An own workload whose image cannot run on the cluster is refused before anything is deployed
    On the emulated backend the image map has no command for it; on a cluster, a short-lived pod finds that the image
    is not there (pull policy Never: nothing is pulled). Either way the error names the field and nothing is deployed.
    Given the workload in "manifests/image-not-here.yaml"
    Then deploying the target app is refused with "spec.template.spec.containers[0].image: example/never-built:dev cannot run on this cluster"
