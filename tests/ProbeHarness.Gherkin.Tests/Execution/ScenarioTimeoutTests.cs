using ProbeHarness.Gherkin.Execution;
using ProbeHarness.Gherkin.Tests.Support;

namespace ProbeHarness.Gherkin.Tests.Execution;

public sealed class ScenarioTimeoutTests
{
    [Fact]
    public void The_timeout_is_600_s_unless_set_and_at_most_3600_s()
    {
        // Given
        var unset = new Dictionary<string, string>();
        var set = new Dictionary<string, string> { [ScenarioTimeout.Variable] = "3600" };

        // When
        var fallback = ScenarioTimeout.FromEnvironment(unset.GetValueOrDefault);
        var chosen = ScenarioTimeout.FromEnvironment(set.GetValueOrDefault);

        // Then
        Assert.Equal(TimeSpan.FromSeconds(600), fallback.Value);
        Assert.Equal(TimeSpan.FromSeconds(3600), chosen.Value);
    }

    [Theory]
    [InlineData("3601")]
    [InlineData("0")]
    [InlineData("ten")]
    [InlineData("1.5")]
    public void A_bad_timeout_names_the_variable_its_value_and_the_range(string value)
    {
        // Given
        var environment = new Dictionary<string, string> { [ScenarioTimeout.Variable] = value };

        // When
        var error = Assert.Throws<FormatException>(() => ScenarioTimeout.FromEnvironment(environment.GetValueOrDefault));

        // Then
        Assert.Equal(
            $"HARNESS_SCENARIO_TIMEOUT_SECONDS='{value}' is not a scenario timeout; use a whole number of seconds from 1 to 3600 (default 600).",
            error.Message);
    }

    [Fact]
    public async Task A_scenario_over_its_timeout_fails_naming_the_timeout_the_setting_and_its_step()
    {
        // Given
        // (Features/Failing/Timeout.feature, explicit: line 7 waits 3000 s on the scenario's deadline)
        var environment = new Dictionary<string, string> { [ScenarioTimeout.Variable] = "1" };

        // When
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var run = await TestExecutable.RunAsync(environment, "-explicit", "only", "-trait", "Category=timeout");

        // Then: the step running when the 1 s ran out is named; on a loaded machine that can be the Given on line 6
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(
            "ScenarioTimeoutException : Scenario \"Scenario timeout: A wait longer than the scenario may take\" ran past its timeout of 1 s "
            + @"\(HARNESS_SCENARIO_TIMEOUT_SECONDS, default 600 s, at most 3600 s\)"
            + @"( in Features/Failing/Timeout\.feature:(6: Given the calculator is cleared|7: When I wait 3000 s for something that never happens))?; "
            + @"the steps left were not run\. Raise HARNESS_SCENARIO_TIMEOUT_SECONDS to allow more\.",
            run.Output);
        // Cut short, not waited out: 10 min is far beyond a loaded start of the run, far below the 50 min wait.
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(10), $"the run took {clock.Elapsed}");
    }
}
