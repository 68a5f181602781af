using ProbeHarness.Gherkin.Execution;

namespace ProbeHarness.Gherkin.Tests.Execution;

public sealed class ScenarioConcurrencyTests
{
    [Fact]
    public void The_cap_is_16_unless_set_and_at_most_256()
    {
        // Given
        var unset = new Dictionary<string, string>();
        var one = new Dictionary<string, string> { [ScenarioConcurrency.Variable] = "1" };
        var most = new Dictionary<string, string> { [ScenarioConcurrency.Variable] = " 256 " };

        // When
        var fallback = ScenarioConcurrency.FromEnvironment(unset.GetValueOrDefault);
        var serial = ScenarioConcurrency.FromEnvironment(one.GetValueOrDefault);
        var ceiling = ScenarioConcurrency.FromEnvironment(most.GetValueOrDefault);

        // Then
        Assert.Equal(16, fallback.Value);
        Assert.Equal(1, serial.Value);
        Assert.Equal(256, ceiling.Value);
        Assert.Equal("16 at once", fallback.ToString());
    }

    [Fact]
    public void A_suite_default_applies_when_the_variable_is_unset_and_is_named_in_errors()
    {
        // Given a suite whose default is 8 (a real cluster)
        var unset = new Dictionary<string, string>();
        var bad = new Dictionary<string, string> { [ScenarioConcurrency.Variable] = "0" };

        // When
        var chosen = ScenarioConcurrency.FromEnvironment(unset.GetValueOrDefault, defaultValue: 8);
        var error = Assert.Throws<FormatException>(() => ScenarioConcurrency.FromEnvironment(bad.GetValueOrDefault, defaultValue: 8));

        // Then
        Assert.Equal(8, chosen.Value);
        Assert.EndsWith("(default 8; 1 runs them one at a time).", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("257")]
    [InlineData("-3")]
    [InlineData("many")]
    public void A_bad_cap_names_the_variable_its_value_and_the_range(string value)
    {
        // Given
        var environment = new Dictionary<string, string> { [ScenarioConcurrency.Variable] = value };

        // When
        var error = Assert.Throws<FormatException>(() => ScenarioConcurrency.FromEnvironment(environment.GetValueOrDefault));

        // Then
        Assert.Equal(
            $"HARNESS_MAX_PARALLEL_SCENARIOS='{value}' is not a number of scenarios; use a whole number from 1 to 256 (default 16; 1 runs them one at a time).",
            error.Message);
    }
}
