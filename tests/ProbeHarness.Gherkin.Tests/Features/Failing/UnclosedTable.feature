@unclosed-table
Feature: Unclosed table row
  Fails on purpose (explicit): the rows of the table on lines 8 and 9 lack their closing pipe.

  Scenario: A table row without its closing pipe
    Given the calculator is cleared
    And I have entered these numbers:
      | number
      | 5
    Then the result should be 0
