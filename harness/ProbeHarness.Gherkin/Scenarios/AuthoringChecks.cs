namespace ProbeHarness.Gherkin.Scenarios;

/// <summary>
/// What the Gherkin parser accepts but a scenario cannot run with: a data table row with no cells (its closing
/// <c>|</c> is missing, so the parser dropped its text), and a scenario name used twice in one feature.
/// </summary>
internal static class AuthoringChecks
{
    /// <summary>The scenarios of one feature with the errors each has; the rest are returned unchanged.</summary>
    public static IReadOnlyList<ScenarioCase> Apply(string featurePath, IReadOnlyList<ScenarioCase> scenarios)
    {
        var byName = scenarios
            .GroupBy(scenario => scenario.RecordName, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .ToDictionary(group => group.Key, group => group.Select(s => s.Line).ToArray(), StringComparer.Ordinal);
        return scenarios
            .Select(scenario =>
            {
                var errors = TableErrors(featurePath, scenario).ToList();
                if (byName.TryGetValue(scenario.RecordName, out var lines))
                {
                    errors.Add(new AuthoringError(
                        AuthoringErrorKind.DuplicateName,
                        featurePath,
                        scenario.Line,
                        0,
                        $"the scenario name \"{scenario.RecordName}\" is used {lines.Length} times in this feature (lines {string.Join(", ", lines)}); "
                        + "scenario names must be unique within a feature, so each run and record is told apart."));
                }

                return errors.Count == 0 ? scenario : scenario with { AuthoringErrors = errors };
            })
            .ToArray();
    }

    private static IEnumerable<AuthoringError> TableErrors(string featurePath, ScenarioCase scenario)
    {
        foreach (var step in scenario.Steps)
        {
            var rows = step.Table ?? [];
            for (var row = 0; row < rows.Count; row++)
            {
                if (rows[row].Count == 0)
                {
                    var line = step.TableLines is { } lines && row < lines.Count ? lines[row] : step.Line;
                    yield return new AuthoringError(
                        AuthoringErrorKind.Table,
                        featurePath,
                        line,
                        0,
                        $"row {row + 1} of the table under \"{step.KeywordText}{step.Text}\" (line {step.Line}) has no cells: "
                        + "a table row is written | a | b |, with a closing '|' (text after the last '|' is not a cell).");
                }
            }
        }
    }
}
