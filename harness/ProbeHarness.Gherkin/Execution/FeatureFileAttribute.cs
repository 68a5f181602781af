namespace ProbeHarness.Gherkin.Execution;

/// <summary>Names the feature file a generated test class runs; the file's text is embedded in the test assembly.</summary>
/// <param name="path">The feature path as the suite names it (relative to the feature base directory).</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FeatureFileAttribute(string path) : Attribute
{
    /// <summary>The feature path, e.g. <c>features/liveness.feature</c>.</summary>
    public string Path { get; } = path;

    /// <summary>True when every scenario of the feature is explicit (runs only with <c>--explicit on|only</c>).</summary>
    public bool Explicit { get; init; }

    /// <summary>The manifest resource name the targets give the feature text of <paramref name="featurePath"/>.</summary>
    public static string ResourceNameOf(string featurePath) => "ProbeHarness.Gherkin.Feature/" + featurePath;
}
