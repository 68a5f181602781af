@latin1
Feature: Latin-1 feature
  Fails on purpose (explicit): saved as Latin-1, not UTF-8.

  Scenario: Café au lait
    Given the calculator is cleared
