namespace ProbeHarness.Gherkin.Scenarios;

/// <summary>Why the adapter refused to run a scenario, or a whole feature file.</summary>
public enum AuthoringErrorKind
{
    /// <summary>The feature file is not Gherkin.</summary>
    Syntax,

    /// <summary>A step's data table cannot be read (e.g. a row without its closing <c>|</c>).</summary>
    Table,

    /// <summary>Two scenarios of one feature have the same name.</summary>
    DuplicateName,

    /// <summary>Not the author's error: the adapter itself failed before Reqnroll ran the scenario.</summary>
    AdapterFailure,
}
