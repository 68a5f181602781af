namespace ProbeHarness.Gherkin.Parsing;

/// <summary>The text of one feature file and the path the suite names it by.</summary>
/// <param name="Path">Forward-slash path relative to the feature base directory, e.g. <c>features/liveness.feature</c>.</param>
/// <param name="Text">The Gherkin source text.</param>
public sealed record FeatureSource(string Path, string Text);
