using Reqnroll;
using Xunit;

namespace ProbeHarness.Gherkin.Execution;

/// <summary>
/// Class fixture of a feature class: when the class has run, ends the feature on every pooled runner still holding
/// it (after-feature hooks run), as the generated class fixture of Reqnroll's xunit provider does.
/// </summary>
/// <typeparam name="TFeature">The generated feature class.</typeparam>
public sealed class FeatureLifetime<TFeature> : IAsyncLifetime
    where TFeature : FeatureTestClass<TFeature>
{
    /// <summary>Nothing to do: the first scenario starts the feature.</summary>
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>Releases the feature when any of its scenarios ran.</summary>
    public async ValueTask DisposeAsync()
    {
        var feature = FeatureCatalog.For(typeof(TFeature));
        if (feature.WasStarted)
        {
            await TestRunnerManager.ReleaseFeatureAsync(feature.FeatureInfo, feature.TestAssembly);
        }
    }
}
