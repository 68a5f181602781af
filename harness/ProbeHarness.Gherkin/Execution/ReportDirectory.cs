using System.Reflection;

namespace ProbeHarness.Gherkin.Execution;

/// <summary>
/// Where Reqnroll's formatters write the Cucumber HTML and NDJSON reports: <c>HARNESS_REPORT_DIR</c> when set, else the
/// directory the targets baked into the test assembly (default <c>artifacts/report</c> under the repository root).
/// <c>reqnroll.json</c> names it as <c>{env:HARNESS_REPORT_DIR}</c>, so the default is put into the environment
/// before Reqnroll reads its configuration.
/// </summary>
public static class ReportDirectory
{
    /// <summary>The environment variable that chooses the report directory.</summary>
    public const string EnvironmentVariable = "HARNESS_REPORT_DIR";

    /// <summary>The <see cref="AssemblyMetadataAttribute"/> key holding the build-time default.</summary>
    public const string MetadataKey = "ProbeHarness.Gherkin.ReportDirectory";

    /// <summary>The report directory for <paramref name="testAssembly"/>, or null when neither source names one.</summary>
    /// <param name="testAssembly">The test assembly, holding the build-time default.</param>
    /// <param name="environment">Reads an environment variable (normally <see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    public static string? Resolve(Assembly testAssembly, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(EnvironmentVariable) is { } fromEnvironment && !string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        return testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == MetadataKey)?.Value is { Length: > 0 } baked
            ? baked
            : null;
    }

    /// <summary>Puts the resolved directory into <see cref="EnvironmentVariable"/> and returns it (null when unknown).</summary>
    public static string? ApplyDefault(Assembly testAssembly)
    {
        var directory = Resolve(testAssembly, Environment.GetEnvironmentVariable);
        if (directory is not null)
        {
            Environment.SetEnvironmentVariable(EnvironmentVariable, directory);
        }

        return directory;
    }
}
