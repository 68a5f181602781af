@timeout
Feature: Scenario timeout
  Fails on purpose (explicit): run with HARNESS_SCENARIO_TIMEOUT_SECONDS=1, the wait on line 7 (50 min) outlasts it by far.

  Scenario: A wait longer than the scenario may take
    Given the calculator is cleared
    When I wait 3000 s for something that never happens
    Then the result should be 0
