@calculator
Feature: Calculator
  The sample feature the adapter's own tests run: outlines, backgrounds, rules, tables, doc strings, @ignore.

  Background:
    Given the calculator is cleared

  @smoke
  Scenario: Add two numbers
    Given I have entered 50 into the calculator
    And I have entered 70 into the calculator
    When I press add
    Then the result should be 120

  @outline
  Scenario Outline: Multiply <a> by <b>
    Given I have entered <a> into the calculator
    * I have entered <b> into the calculator
    When I press multiply
    Then the result should be <product>

    @small
    Examples: small numbers
      | a | b | product |
      | 2 | 3 | 6       |
      | 4 | 5 | 20      |

    @large
    Examples: large numbers
      | a   | b   | product |
      | 100 | 100 | 10000   |

  Scenario: Sum a table of numbers
    Given I have entered these numbers:
      | number |
      | 1      |
      | 2      |
      | 3      |
    When I press add
    Then the result should be 6

  Scenario: Evaluate a doc string
    Given the calculator is given this expression:
      """
      7 + 8
      """
    When I evaluate the expression
    Then the result should be 15
    But the display should show no error

  @ignore
  Scenario: An ignored scenario never runs
    Given this step fails whenever it runs

  @ruled
  Rule: Division rounds down

    Background:
      Given the calculator rounds down

    @division
    Scenario: Divide two numbers
      Given I have entered 7 into the calculator
      And I have entered 2 into the calculator
      When I press divide
      Then the result should be 3
