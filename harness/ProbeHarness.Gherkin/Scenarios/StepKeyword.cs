namespace ProbeHarness.Gherkin.Scenarios;

/// <summary>The Reqnroll step call a Gherkin keyword maps to (<c>*</c> counts as <see cref="And"/>, as in Reqnroll).</summary>
public enum StepKeyword
{
    /// <summary><c>Given</c>.</summary>
    Given,

    /// <summary><c>When</c>.</summary>
    When,

    /// <summary><c>Then</c>.</summary>
    Then,

    /// <summary><c>And</c> or <c>*</c>.</summary>
    And,

    /// <summary><c>But</c>.</summary>
    But,
}
