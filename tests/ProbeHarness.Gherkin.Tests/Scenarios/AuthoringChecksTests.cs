using ProbeHarness.Gherkin.Parsing;
using ProbeHarness.Gherkin.Scenarios;

namespace ProbeHarness.Gherkin.Tests.Scenarios;

public sealed class AuthoringChecksTests
{
    [Fact]
    public void A_table_whose_rows_lack_their_closing_pipe_is_an_error_at_the_row()
    {
        // Given a probe table whose rows have no closing '|' (the parser drops their text: rows with no cells)
        const string text = """
            Feature: Probes
              Scenario: tcp liveness
                Given a liveness probe:
                  | type
                  | tcpSocket
                Then it holds
            """;

        // When
        var scenario = Assert.Single(FeatureParser.Parse(new FeatureSource("features/probes.feature", text)).Scenarios);

        // Then both rows are named, by their own lines
        Assert.Equal(
            [(AuthoringErrorKind.Table, 4), (AuthoringErrorKind.Table, 5)],
            scenario.AuthoringErrors.Select(e => (e.Kind, e.Line)));
        Assert.StartsWith(
            "features/probes.feature:4: row 1 of the table under \"Given a liveness probe:\" (line 3) has no cells: ",
            scenario.AuthoringErrors[0].ToString(),
            StringComparison.Ordinal);
        Assert.Contains("closing '|'", scenario.AuthoringErrors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_row_under_a_then_step_is_an_error()
    {
        // Given
        const string text = """
            Feature: Stray
              Scenario: a stray row
                Given it starts
                Then it holds
                  | row
            """;

        // When
        var scenario = Assert.Single(FeatureParser.Parse(new FeatureSource("features/stray.feature", text)).Scenarios);

        // Then
        var error = Assert.Single(scenario.AuthoringErrors);
        Assert.Equal("features/stray.feature:5", error.Location);
        Assert.Contains("\"Then it holds\" (line 4)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_scenarios_with_one_name_are_both_errors_naming_each_line()
    {
        // Given
        const string text = """
            Feature: Twice
              Scenario: the same
                Given it starts
              Scenario: other
                Given it starts
              Scenario: the same
                Given it starts
            """;

        // When
        var scenarios = FeatureParser.Parse(new FeatureSource("features/twice.feature", text)).Scenarios;

        // Then
        Assert.Equal([2, 0, 6], scenarios.Select(s => s.AuthoringErrors.SingleOrDefault()?.Line ?? 0));
        Assert.Equal(AuthoringErrorKind.DuplicateName, scenarios[0].AuthoringErrors[0].Kind);
        Assert.Contains("used 2 times in this feature (lines 2, 6)", scenarios[0].AuthoringErrors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outline_rows_are_told_apart_by_their_values_and_good_tables_pass()
    {
        // Given
        const string text = """
            Feature: Outline
              Scenario Outline: period
                Given a probe:
                  | periodSeconds |
                  | <p>           |
                Examples:
                  | p |
                  | 1 |
                  | 2 |
            """;

        // When
        var scenarios = FeatureParser.Parse(new FeatureSource("features/outline.feature", text)).Scenarios;

        // Then
        Assert.Equal(2, scenarios.Count);
        Assert.All(scenarios, s => Assert.Empty(s.AuthoringErrors));
    }
}
