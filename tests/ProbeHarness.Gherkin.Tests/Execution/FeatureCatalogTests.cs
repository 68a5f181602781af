using ProbeHarness.Gherkin.Execution;
using ProbeHarness.Gherkin.Tests.Build;
using ProbeHarness.Gherkin.Tests.Features;

namespace ProbeHarness.Gherkin.Tests.Execution;

public sealed class FeatureCatalogTests
{
    [Fact]
    public void A_generated_class_finds_its_embedded_feature()
    {
        // Given
        var featureClass = typeof(Features_Calculator_Feature);

        // When
        var feature = FeatureCatalog.For(featureClass);

        // Then
        Assert.Equal("Features/Calculator.feature", feature.Parsed.Path);
        Assert.Equal("Calculator", feature.Parsed.Title);
        Assert.Equal(8, feature.Rows.Count);
        Assert.Same(featureClass.Assembly, feature.TestAssembly);
        Assert.Same(feature, FeatureCatalog.For(featureClass));
    }

    [Fact]
    public void Row_ids_and_pickle_ids_are_unique_across_the_features_of_the_assembly()
    {
        // Given
        var featureClasses = ProbeHarnessGherkinTargetsTests.FeatureClasses;

        // When
        var features = featureClasses.Select(FeatureCatalog.For).ToArray();

        // Then
        var rowIds = features.SelectMany(feature => feature.Rows.Select(row => row.Data)).ToArray();
        var pickleIds = features.SelectMany(feature => feature.Parsed.Pickles.Select(pickle => pickle.Id)).ToArray();
        Assert.Equal(featureClasses.Length, features.Select(feature => feature.Parsed.Path).Distinct().Count());
        Assert.Equal(rowIds.Length, rowIds.Distinct().Count());
        Assert.Equal(pickleIds.Length, pickleIds.Distinct().Count());
        Assert.True(pickleIds.Length >= 10);
    }

    [Fact]
    public void A_class_without_feature_file_attribute_is_refused()
    {
        // Given
        var notAFeature = typeof(FeatureCatalogTests);

        // When
        var error = Assert.Throws<InvalidOperationException>(() => FeatureCatalog.For(notAFeature));

        // Then
        Assert.Contains("has no [FeatureFileAttribute]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feature_that_was_not_embedded_is_named_in_the_error()
    {
        // Given
        var notEmbedded = typeof(NotEmbeddedFeature);

        // When
        var error = Assert.Throws<InvalidOperationException>(() => FeatureCatalog.For(notEmbedded));

        // Then
        Assert.StartsWith("Feature Features/Nowhere.feature is not embedded in ProbeHarness.Gherkin.Tests", error.Message, StringComparison.Ordinal);
    }

    [FeatureFile("Features/Nowhere.feature")]
    private sealed class NotEmbeddedFeature;
}
