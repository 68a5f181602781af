using ProbeHarness.Gherkin.Tests.Support;

namespace ProbeHarness.Gherkin.Tests.Reliability;

/// <summary>A step no binding matches fails with the binding skeleton and names the feature file and line of the step.</summary>
public sealed class UndefinedStepLocationTests
{
    [Fact]
    public async Task The_failure_names_the_file_and_line_of_the_undefined_step_before_the_skeleton()
    {
        // Given
        // (Features/Failing/UndefinedStep.feature, explicit: line 7 is a step no binding matches)
        const string location = "Features/Failing/UndefinedStep.feature:7: When I press the button labelled \"sqrt\" 3 times";

        // When
        using var run = await TestExecutable.RunAsync("-explicit", "only", "-trait", "Category=undefined");

        // Then the message has Reqnroll's first line, then the location, then the skeleton to paste
        Assert.Equal(1, run.ExitCode);
        var pending = run.Output.IndexOf("Pending: No matching step definition found", StringComparison.Ordinal);
        var named = run.Output.IndexOf(location, StringComparison.Ordinal);
        var skeleton = run.Output.IndexOf("[When(\"I press the button labelled {string} {int} times\")]", StringComparison.Ordinal);
        Assert.True(pending >= 0 && named > pending && skeleton > named, run.Output);

        // And the test output says where the scenario failed
        Assert.Contains($"failed at {location}", run.Output, StringComparison.Ordinal);

        // And the after-scenario hooks are told too, typed, so a scenario record can name the step
        Assert.Contains($"{ProbeHarness.Gherkin.Tests.Bindings.FailedStepHooks.Prefix}{location}", run.Output, StringComparison.Ordinal);
    }
}
