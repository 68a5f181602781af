using ProbeHarness.Gherkin.Execution;
using ProbeHarness.Gherkin.Parsing;
using ProbeHarness.Gherkin.Scenarios;
using ProbeHarness.Gherkin.Tests.Features;

namespace ProbeHarness.Gherkin.Tests.Execution;

public sealed class RunnableFeatureTests
{
    [Fact]
    public async Task Running_a_feature_that_does_not_parse_fails_with_every_error_located()
    {
        // Given
        var feature = FeatureCatalog.For(typeof(Features_Failing_Malformed_Feature));

        // When
        var error = await Assert.ThrowsAsync<GherkinParseException>(() => feature.RunScenarioAsync(feature.Rows[0].Data!));

        // Then
        var parseError = Assert.Single(error.Errors);
        Assert.Equal((7, 5), (parseError.Line, parseError.Column));
        Assert.Contains("Features/Failing/Malformed.feature:7:5: expected: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_row_without_its_closing_pipe_fails_the_test_naming_file_and_line_before_reqnroll_runs_it()
    {
        // Given (Features/Failing/UnclosedTable.feature: the rows on lines 8 and 9 have no closing '|')
        var feature = FeatureCatalog.For(typeof(Features_Failing_UnclosedTable_Feature));
        var reports = new List<AuthoringErrorReport>();
        void Listener(AuthoringErrorReport report)
        {
            if (report.FeaturePath == feature.Parsed.Path)
            {
                reports.Add(report);
            }
        }

        AuthoringErrorReports.Listen(Listener);
        try
        {
            // When
            var error = await Assert.ThrowsAsync<FeatureAuthoringException>(() => feature.RunScenarioAsync(feature.Rows[0].Data!));

            // Then the test fails located, not with "No headers to add", and Reqnroll never started the scenario
            Assert.Contains("Features/Failing/UnclosedTable.feature:8: row 1 of the table under \"And I have entered these numbers:\"", error.Message, StringComparison.Ordinal);
            Assert.Contains("Features/Failing/UnclosedTable.feature:9: row 2", error.Message, StringComparison.Ordinal);
            Assert.False(feature.WasStarted);

            // And the listener heard of it, typed, with the scenario's identity
            var report = Assert.Single(reports);
            Assert.Equal("Features/Failing/UnclosedTable.feature#0", report.RowId);
            Assert.Equal("A table row without its closing pipe", report.Scenario);
            Assert.All(report.Errors, e => Assert.Equal(AuthoringErrorKind.Table, e.Kind));
        }
        finally
        {
            AuthoringErrorReports.Stop(Listener);
        }
    }

    [Fact]
    public async Task Any_failure_of_the_adapters_own_work_fails_the_test_naming_file_and_line_not_a_bare_exception()
    {
        // Given a table Reqnroll cannot take (no header cells) that the parse-time checks did not catch
        var source = new FeatureSource("features/adapter.feature", "Feature: Adapter\n  Scenario: s\n    Given a table:\n      | a\n");
        var parsed = FeatureParser.Parse(source);
        var unguarded = new ParsedFeature(
            source, parsed.Document, parsed.Pickles, [parsed.Scenarios[0] with { AuthoringErrors = [] }], []);
        var feature = new RunnableFeature(typeof(RunnableFeatureTests).Assembly, unguarded, isExplicit: false);

        // When
        var error = await Assert.ThrowsAsync<FeatureAuthoringException>(() => feature.RunScenarioAsync("features/adapter.feature#0"));

        // Then the test fails located, with the adapter's own exception kept
        var located = Assert.Single(error.Errors);
        Assert.Equal((AuthoringErrorKind.AdapterFailure, "features/adapter.feature:3"), (located.Kind, located.Location));
        Assert.Contains("the adapter could not build the table of \"Given a table:\": ArgumentException: No headers to add", located.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentException>(error.InnerException);
    }

    [Fact]
    public void A_file_that_does_not_parse_carries_its_written_tags_else_every_tag_of_the_assembly()
    {
        // Given
        var tagged = FeatureParser.Parse(new FeatureSource("features/tagged.feature", "@liveness\nFeature: x\n  Scenario: y\n    Given z\n    stray\n"));
        var untagged = FeatureParser.Parse(new FeatureSource("features/untagged.feature", "Feature x\n"));
        var assembly = typeof(RunnableFeatureTests).Assembly;

        // When
        var withTags = new RunnableFeature(assembly, tagged, isExplicit: false, assemblyTags: ["calculator", "smoke"]);
        var withoutTags = new RunnableFeature(assembly, untagged, isExplicit: false, assemblyTags: ["calculator", "smoke"]);

        // Then
        Assert.Equal(["liveness"], withTags.ParseErrorTags);
        Assert.Equal(["calculator", "smoke"], withoutTags.ParseErrorTags);
        Assert.Contains("smoke", withoutTags.Rows[0].Traits["Category"]);
    }

    [Fact]
    public async Task A_file_that_does_not_parse_is_reported_to_the_listeners_as_a_syntax_error()
    {
        // Given
        var feature = FeatureCatalog.For(typeof(Features_Failing_MalformedTagged_Feature));
        AuthoringErrorReport? heard = null;
        void Listener(AuthoringErrorReport report)
        {
            if (report.FeaturePath == feature.Parsed.Path)
            {
                heard = report;
            }
        }

        AuthoringErrorReports.Listen(Listener);
        try
        {
            // When
            await Assert.ThrowsAsync<GherkinParseException>(() => feature.RunScenarioAsync(feature.Rows[0].Data!));
        }
        finally
        {
            AuthoringErrorReports.Stop(Listener);
        }

        // Then
        Assert.NotNull(heard);
        Assert.Equal(["tagged-malformed"], heard.Tags);
        var error = Assert.Single(heard.Errors);
        Assert.Equal((AuthoringErrorKind.Syntax, "Features/Failing/MalformedTagged.feature:7:5"), (error.Kind, error.Location));
    }

    [Theory]
    [InlineData("Features/Calculator.feature#99")]
    [InlineData("Features/Other.feature#0")]
    [InlineData("Features/Calculator.feature#no-scenarios")]
    public async Task A_row_id_naming_no_scenario_of_the_feature_is_refused(string rowId)
    {
        // Given
        var feature = FeatureCatalog.For(typeof(Features_Calculator_Feature));

        // When
        var error = await Assert.ThrowsAsync<ArgumentException>(() => feature.RunScenarioAsync(rowId));

        // Then
        Assert.StartsWith($"'{rowId}' names no scenario of Features/Calculator.feature.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_feature_info_is_made_once_from_the_parsed_feature()
    {
        // Given
        var feature = FeatureCatalog.For(typeof(Features_Calculator_Feature));

        // When
        var info = feature.FeatureInfo;

        // Then
        Assert.Equal("Calculator", info.Title);
        Assert.Equal("Features", info.FolderPath);
        Assert.Equal(["calculator"], info.Tags);
        Assert.Equal("en", info.Language.Name);
        Assert.Same(info, feature.FeatureInfo);
    }
}
