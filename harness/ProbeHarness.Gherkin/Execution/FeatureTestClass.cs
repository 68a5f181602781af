using Xunit;

namespace ProbeHarness.Gherkin.Execution;

/// <summary>
/// Base of the test class generated for each feature file. The suite runs xunit with parallelMode "all", so every
/// scenario runs beside the others, its own feature's too (each on its own Reqnroll runner, capped by
/// <see cref="ScenarioSlots"/>); a scenario tagged <c>@serial</c> runs alone.
/// </summary>
/// <typeparam name="TFeature">The generated class itself; it carries the <see cref="FeatureFileAttribute"/>.</typeparam>
public abstract class FeatureTestClass<TFeature> : IClassFixture<FeatureLifetime<TFeature>>
    where TFeature : FeatureTestClass<TFeature>
{
    /// <summary>The theory rows of the feature, one per pickle (the generated class exposes them to <c>MemberData</c>).</summary>
    protected static IEnumerable<ITheoryDataRow> ScenarioRows() => FeatureCatalog.For(typeof(TFeature)).Rows;

    /// <summary>Runs the pickle a row names.</summary>
    protected static Task RunScenarioAsync(string rowId) => FeatureCatalog.For(typeof(TFeature)).RunScenarioAsync(rowId);
}
