using System.Reflection;
using ProbeHarness.Gherkin.Execution;
using Reqnroll;
using Xunit;

namespace ProbeHarness.Steps.Support;

/// <summary>The running feature's file, relative to the repository root (e.g. <c>features/liveness/restarts.feature</c>).</summary>
public static class FeaturePath
{
    /// <summary>The generated feature class names its file; outside the adapter the feature's folder and title stand in.</summary>
    public static string Of(FeatureInfo feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return TestContext.Current.TestClassInstance?.GetType().GetCustomAttribute<FeatureFileAttribute>()?.Path
            ?? $"{feature.FolderPath}/{ScenarioSlug.Of(feature.Title)}.feature";
    }
}
