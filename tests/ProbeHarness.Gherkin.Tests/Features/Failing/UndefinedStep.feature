@undefined
Feature: Undefined step
  Fails on purpose (explicit): a step no binding matches.

  Scenario: A step without a binding
    Given the calculator is cleared
    When I press the button labelled "sqrt" 3 times
    Then the result should be 0
