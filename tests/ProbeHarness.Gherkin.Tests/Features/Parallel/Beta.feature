@parallel
Feature: Parallel beta
  Meets the feature "Parallel alpha" while both run: passes only when features run side by side.

  Scenario: Beta meets alpha
    When feature "beta" arrives at the rendezvous
    Then feature "alpha" arrives at the rendezvous within 60 seconds
