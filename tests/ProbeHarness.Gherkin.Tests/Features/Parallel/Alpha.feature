@parallel
Feature: Parallel alpha
  Meets the feature "Parallel beta" while both run: passes only when features run side by side.

  Scenario: Alpha meets beta
    When feature "alpha" arrives at the rendezvous
    Then feature "beta" arrives at the rendezvous within 60 seconds
