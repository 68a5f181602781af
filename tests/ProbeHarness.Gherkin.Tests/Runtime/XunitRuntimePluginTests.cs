using ProbeHarness.Gherkin.Runtime;
using Reqnroll.BoDi;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace ProbeHarness.Gherkin.Tests.Runtime;

public sealed class XunitRuntimePluginTests
{
    [Fact]
    public void The_plugin_becomes_reqnrolls_unit_test_provider_and_trace_listener()
    {
        // Given
        var events = new RuntimePluginEvents();
        var providerConfiguration = new UnitTestProviderConfiguration();
        using var global = new ObjectContainer();
        using var testThread = new ObjectContainer(global);

        // When
        new XunitRuntimePlugin().Initialize(events, new RuntimePluginParameters(), providerConfiguration);
        events.RaiseRegisterGlobalDependencies(global);
        events.RaiseCustomizeTestThreadDependencies(testThread);

        // Then
        Assert.Equal(XunitRuntimePlugin.UnitTestProviderName, providerConfiguration.UnitTestProvider);
        Assert.IsType<XunitRuntimeProvider>(global.Resolve<IUnitTestRuntimeProvider>(XunitRuntimePlugin.UnitTestProviderName));
        Assert.IsType<TestOutputTraceListener>(testThread.Resolve<ITraceListener>());
    }
}
