@tagged-malformed
Feature: Malformed feature with tags
  Fails on purpose (explicit): line 7 is not Gherkin; its tags still select it in a tag-filtered run.

  Scenario: Stray text after a step
    Given the calculator is cleared
    this line is not Gherkin either
