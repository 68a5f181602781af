using ProbeHarness.Gherkin.Tests.Bindings;
using ProbeHarness.Gherkin.Tests.Support;

namespace ProbeHarness.Gherkin.Tests.Execution;

/// <summary>
/// End to end: the generated feature classes of this assembly, run by xunit in a child process the way a user runs
/// them, filtered by the traits the rows carry. (The features themselves also run in this process: their Then steps
/// assert that tables, doc strings and outline values reached the bindings, and Features/Parallel only passes when
/// two feature classes run at the same time.)
/// </summary>
public sealed class FeatureTestClassTests
{
    private static readonly string[] OutlineRows =
    [
        "Calculator: Multiply 2 by 3 [a=2, b=3, product=6]",
        "Calculator: Multiply 4 by 5 [a=4, b=5, product=20]",
        "Calculator: Multiply 100 by 100 [a=100, b=100, product=10000]",
    ];

    [Fact]
    public async Task Listing_by_category_shows_exactly_the_tagged_scenarios()
    {
        // Given
        // (the features of this assembly)

        // When
        using var byTrait = await TestExecutable.RunAsync("-list", "tests", "-trait", "Category=outline");
        using var byFilter = await TestExecutable.RunAsync("-list", "tests", "-filterVSTest", "Category=division");
        using var byExamplesTag = await TestExecutable.RunAsync("-list", "tests", "-trait", "Category=large");

        // Then
        Assert.Equal(OutlineRows.Order(StringComparer.Ordinal), ListedTests(byTrait));
        Assert.Equal(["Calculator: Divide two numbers"], ListedTests(byFilter));
        Assert.Equal([OutlineRows[2]], ListedTests(byExamplesTag));
    }

    [Fact]
    public async Task Running_by_category_runs_only_the_tagged_scenarios_and_writes_the_cucumber_reports()
    {
        // Given
        // (the features of this assembly)

        // When
        using var run = await TestExecutable.RunAsync("-trait", "Category=outline");

        // Then
        Assert.True(run.ExitCode == 0, run.Output);
        var report = CucumberReport.Read(run.MessagesFile);
        Assert.Equal(["Multiply 2 by 3", "Multiply 4 by 5", "Multiply 100 by 100"], report.StartedPickles);
        Assert.All(report.Outcomes.Values, status => Assert.Equal("PASSED", status));
        var html = await File.ReadAllTextAsync(run.HtmlFile, TestContext.Current.CancellationToken);
        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Multiply 100 by 100", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feature_runs_its_scenarios_in_file_order_and_skips_ignored_ones()
    {
        // Given
        // (Features/Calculator.feature)

        // When
        using var run = await TestExecutable.RunAsync("-trait", "Category=calculator");

        // Then
        Assert.True(run.ExitCode == 0, run.Output);
        var report = CucumberReport.Read(run.MessagesFile);
        Assert.Equal(
            ["Add two numbers", "Multiply 2 by 3", "Multiply 4 by 5", "Multiply 100 by 100", "Sum a table of numbers", "Evaluate a doc string", "Divide two numbers"],
            report.StartedPickles);
        Assert.All(report.Outcomes.Values, status => Assert.Equal("PASSED", status));
        Assert.Contains("Calculator: An ignored scenario never runs [SKIP]", run.Output, StringComparison.Ordinal);
        Assert.Contains("Ignored: tagged @ignore", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_without_binding_fails_the_scenario_with_the_binding_skeleton()
    {
        // Given
        // (Features/Failing/UndefinedStep.feature, explicit)

        // When
        using var run = await TestExecutable.RunAsync("-explicit", "only", "-trait", "Category=undefined");

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Undefined step: A step without a binding [FAIL]", run.Output, StringComparison.Ordinal);
        Assert.Contains("ScenarioPendingException : Pending: No matching step definition found", run.Output, StringComparison.Ordinal);
        Assert.Contains("[When(\"I press the button labelled {string} {int} times\")]", run.Output, StringComparison.Ordinal);
        Assert.Equal("UNDEFINED", CucumberReport.Read(run.MessagesFile).Outcomes["A step without a binding"]);
    }

    [Fact]
    public async Task A_hook_can_skip_its_scenario_through_the_unit_test_provider()
    {
        // Given
        // (Features/Skipping.feature; its before-scenario hook calls IUnitTestRuntimeProvider.TestIgnore)

        // When
        using var run = await TestExecutable.RunAsync("-trait", "Category=skipped-by-hook");

        // Then
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Skipping at run time: A hook skips the scenario [SKIP]", run.Output, StringComparison.Ordinal);
        Assert.Contains(SkippingHooks.Reason, run.Output, StringComparison.Ordinal);
        Assert.Equal("SKIPPED", CucumberReport.Read(run.MessagesFile).Outcomes["A hook skips the scenario"]);
    }

    [Fact]
    public async Task A_malformed_feature_is_discovered_as_a_failing_test_naming_file_line_and_column()
    {
        // Given
        // (Features/Failing/Malformed.feature, explicit; line 7 is not Gherkin)

        // When
        // (its tag selects it, as a tag-filtered run of the suite would)
        using var listing = await TestExecutable.RunAsync("-list", "tests", "-explicit", "only", "-trait", "Category=malformed");
        using var run = await TestExecutable.RunAsync("-explicit", "only", "-trait", "Category=malformed");

        // Then
        var listed = Assert.Single(ListedTests(listing));
        Assert.StartsWith("Gherkin parse error: Features/Failing/Malformed.feature:7:5: expected: ", listed, StringComparison.Ordinal);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GherkinParseException : Feature file Features/Failing/Malformed.feature does not parse:", run.Output, StringComparison.Ordinal);
        Assert.Contains("Features/Failing/Malformed.feature:7:5: expected: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("got 'this line is not Gherkin'", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_row_without_its_closing_pipe_fails_its_scenario_naming_file_and_line()
    {
        // Given
        // (Features/Failing/UnclosedTable.feature, explicit: the table rows on lines 8 and 9 have no closing '|')

        // When
        using var run = await TestExecutable.RunAsync("-explicit", "only", "-trait", "Category=unclosed-table");

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FeatureAuthoringException : Scenario \"Unclosed table row: A table row without its closing pipe\" cannot run:", run.Output, StringComparison.Ordinal);
        Assert.Contains("Features/Failing/UnclosedTable.feature:8: row 1 of the table", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("No headers to add", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_feature_is_in_the_run_of_its_tag_failing_with_file_line_and_column()
    {
        // Given
        // (Features/Failing/MalformedTagged.feature, explicit, tagged @tagged-malformed; line 7 is not Gherkin)

        // When
        using var run = await TestExecutable.RunAsync("-explicit", "only", "-trait", "Category=tagged-malformed");

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Features/Failing/MalformedTagged.feature:7:5: expected: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feature_file_that_is_not_utf8_fails_naming_file_line_and_byte_offset()
    {
        // Given
        // (Features/Failing/Latin1.feature, explicit, tagged @latin1: 'é' on line 5 saved as the Latin-1 byte 0xE9)

        // When
        using var run = await TestExecutable.RunAsync("-explicit", "only", "-trait", "Category=latin1");

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GherkinParseException : Feature file Features/Failing/Latin1.feature does not parse:", run.Output, StringComparison.Ordinal);
        Assert.Contains("Features/Failing/Latin1.feature:5:16: byte 0xE9 at byte offset 109 is not UTF-8", run.Output, StringComparison.Ordinal);
    }

    // xunit's "-list tests" prints one display name per line after the banner.
    private static string[] ListedTests(TestRun run)
    {
        Assert.True(run.ExitCode == 0, run.Output);
        return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("xUnit.net", StringComparison.Ordinal))
            .ToArray();
    }
}
