using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace ProbeHarness.Gherkin.Runtime;

/// <summary>
/// The Reqnroll runtime plugin the test assembly registers (<c>[assembly: RuntimePlugin(typeof(XunitRuntimePlugin))]</c>,
/// written by the targets): makes this adapter Reqnroll's unit test provider and routes its trace to test output.
/// </summary>
public sealed class XunitRuntimePlugin : IRuntimePlugin
{
    /// <summary>The unit test provider name this plugin registers with Reqnroll.</summary>
    public const string UnitTestProviderName = "probeharness-xunit3";

    /// <summary>Registers the runtime provider and the trace listener.</summary>
    public void Initialize(
        RuntimePluginEvents runtimePluginEvents,
        RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        ArgumentNullException.ThrowIfNull(unitTestProviderConfiguration);
        runtimePluginEvents.RegisterGlobalDependencies += (_, args) =>
            args.ObjectContainer.RegisterTypeAs<XunitRuntimeProvider, IUnitTestRuntimeProvider>(UnitTestProviderName);
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, args) =>
            args.ObjectContainer.RegisterTypeAs<TestOutputTraceListener, ITraceListener>();
        unitTestProviderConfiguration.UseUnitTestProvider(UnitTestProviderName);
    }
}
