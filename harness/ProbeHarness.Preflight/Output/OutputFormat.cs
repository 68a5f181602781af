namespace ProbeHarness.Preflight.Output;

/// <summary>The output formats of preflight.</summary>
public enum OutputFormat
{
    /// <summary>A table for the terminal, with what happens at runtime and the fix under each finding.</summary>
    Human,

    /// <summary>The findings as JSON (<see cref="JsonFormat"/>).</summary>
    Json,

    /// <summary>SARIF 2.1.0, for code scanning (<see cref="SarifFormat"/>).</summary>
    Sarif,

    /// <summary>JUnit XML, a test case per container (<see cref="JUnitFormat"/>).</summary>
    JUnit,
}
