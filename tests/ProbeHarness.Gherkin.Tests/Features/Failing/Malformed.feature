@malformed
Feature: Malformed feature
  Fails on purpose (explicit): line 7 is neither a step nor a table row.

  Scenario: Stray text after a step
    Given the calculator is cleared
    this line is not Gherkin
