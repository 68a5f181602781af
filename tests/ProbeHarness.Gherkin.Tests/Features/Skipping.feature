@skipping
Feature: Skipping at run time
  A hook that finds a scenario cannot run here skips it through Reqnroll's unit test provider.

  @skipped-by-hook
  Scenario: A hook skips the scenario
    Given this step fails whenever it runs
