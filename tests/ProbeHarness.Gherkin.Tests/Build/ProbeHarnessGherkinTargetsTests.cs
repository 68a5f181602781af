using System.CodeDom.Compiler;
using System.Reflection;
using ProbeHarness.Gherkin.Execution;
using ProbeHarness.Gherkin.Runtime;
using Reqnroll.Plugins;

namespace ProbeHarness.Gherkin.Tests.Build;

/// <summary>What build/ProbeHarness.Gherkin.targets produced in this assembly from its GherkinFeature items.</summary>
public sealed class ProbeHarnessGherkinTargetsTests
{
    private static readonly Assembly TestAssembly = typeof(ProbeHarnessGherkinTargetsTests).Assembly;

    internal static readonly Type[] FeatureClasses = TestAssembly.GetTypes()
        .Where(type => type.GetCustomAttribute<FeatureFileAttribute>() is not null
            && type.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "ProbeHarness.Gherkin")
        .ToArray();

    [Fact]
    public void Every_feature_file_gets_one_class_named_after_its_path()
    {
        // Given
        var embedded = TestAssembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(FeatureFileAttribute.ResourceNameOf(string.Empty), StringComparison.Ordinal));

        // When
        var classes = FeatureClasses.ToDictionary(type => type.GetCustomAttribute<FeatureFileAttribute>()!.Path, type => type.FullName);

        // Then
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["Features/Calculator.feature"] = "ProbeHarness.Gherkin.Tests.Features.Features_Calculator_Feature",
                ["Features/Parallel/Alpha.feature"] = "ProbeHarness.Gherkin.Tests.Features.Features_Parallel_Alpha_Feature",
                ["Features/Parallel/Beta.feature"] = "ProbeHarness.Gherkin.Tests.Features.Features_Parallel_Beta_Feature",
                ["Features/Failing/Latin1.feature"] = "ProbeHarness.Gherkin.Tests.Features.Features_Failing_Latin1_Feature",
                ["Features/Failing/Malformed.feature"] = "ProbeHarness.Gherkin.Tests.Features.Features_Failing_Malformed_Feature",
                ["Features/Failing/MalformedTagged.feature"] = "ProbeHarness.Gherkin.Tests.Features.Features_Failing_MalformedTagged_Feature",
                ["Features/Failing/Timeout.feature"] = "ProbeHarness.Gherkin.Tests.Features.Features_Failing_Timeout_Feature",
                ["Features/Failing/UnclosedTable.feature"] = "ProbeHarness.Gherkin.Tests.Features.Features_Failing_UnclosedTable_Feature",
                ["Features/Failing/UndefinedStep.feature"] = "ProbeHarness.Gherkin.Tests.Features.Features_Failing_UndefinedStep_Feature",
                ["Features/Skipping.feature"] = "ProbeHarness.Gherkin.Tests.Features.Features_Skipping_Feature",
            },
            classes);
        Assert.Equal(classes.Keys.Select(FeatureFileAttribute.ResourceNameOf).Order(StringComparer.Ordinal), embedded.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_the_features_marked_explicit_in_the_project_are_explicit()
    {
        // Given
        // (the project marks Features/Failing/*.feature Explicit="true")

        // When
        var explicitFeatures = FeatureClasses
            .Select(type => type.GetCustomAttribute<FeatureFileAttribute>()!)
            .Where(attribute => attribute.Explicit)
            .Select(attribute => attribute.Path);

        // Then
        Assert.Equal(
            [
                "Features/Failing/Latin1.feature",
                "Features/Failing/Malformed.feature",
                "Features/Failing/MalformedTagged.feature",
                "Features/Failing/Timeout.feature",
                "Features/Failing/UnclosedTable.feature",
                "Features/Failing/UndefinedStep.feature",
            ],
            explicitFeatures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_class_is_a_feature_test_class_with_one_theory_ordered_by_pickle()
    {
        // Given
        // (the generated classes)

        // When
        var shapes = FeatureClasses.Select(type => (
            Type: type,
            Base: type.BaseType,
            Orderer: type.GetCustomAttribute<TestCaseOrdererAttribute>()?.OrdererType,
            Theories: type.GetMethods().Where(method => method.GetCustomAttribute<TheoryAttribute>() is not null).ToArray()));

        // Then
        Assert.All(shapes, shape =>
        {
            Assert.True(shape.Type.IsSealed);
            Assert.Equal(typeof(FeatureTestClass<>).MakeGenericType(shape.Type), shape.Base);
            Assert.Equal(typeof(PickleOrderer), shape.Orderer);
            var theory = Assert.Single(shape.Theories);
            Assert.Equal([typeof(string)], theory.GetParameters().Select(parameter => parameter.ParameterType));
            Assert.Equal("Scenarios", theory.GetCustomAttribute<MemberDataAttribute>()!.MemberName);
        });
    }

    [Fact]
    public void The_assembly_registers_the_reqnroll_plugin_the_test_run_fixture_and_the_report_directory()
    {
        // Given
        // (the generated GherkinTestAssembly.g.cs)

        // When
        var plugin = TestAssembly.GetCustomAttribute<RuntimePluginAttribute>();
        var fixture = TestAssembly.GetCustomAttribute<AssemblyFixtureAttribute>();
        var reports = TestAssembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == ReportDirectory.MetadataKey);

        // Then
        Assert.Equal(typeof(XunitRuntimePlugin), plugin?.PluginType);
        Assert.True(fixture?.AssemblyFixtureType.IsSubclassOf(typeof(ReqnrollTestRun)));
        Assert.EndsWith("/artifacts/report/ProbeHarness.Gherkin.Tests", reports.Value, StringComparison.Ordinal);
    }
}
